/** How a till syncs: where to, with which account store, and the timings tests and benchmarks may tune. */
import type { BatchSizes } from './collection-replication';
import type { CredentialStore } from './credential-store';
import type { LinkTiming } from './server-link';

export interface SyncSettings {
  /** KASSA_COUCH_URL. With user info in it, it pairs the terminal; without, it is the address to pair with. */
  url: string | null;
  prefix?: string;
  credentials: CredentialStore;
  timing?: Partial<LinkTiming>;
  batches?: Partial<BatchSizes>;
  /** rxdb's pause between repeats of a failed request (the link's gate does the backoff). */
  replicationRetryMs?: number;
  heartbeatMs?: number;
  /** How often refused documents are tried again while online. */
  rejectionRetryMs?: number;
  /** Shortest pause between two status computations. */
  statusIntervalMs?: number;
}
