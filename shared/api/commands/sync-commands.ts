/**
 * Sync with the store's CouchDB: the status every screen shows, pairing a terminal with the server (managers),
 * and the documents the server refused. No command ever returns the terminal's password.
 */
import { z } from 'zod';
import { command, noInput } from '../command-spec';

const noControl = /^[^\p{Cc}]*$/u;
export const pairingInput = z
  .object({
    url: z
      .string()
      .trim()
      .min(1, 'Enter the server address')
      .max(500, 'Server address: at most 500 characters')
      .regex(/^https?:\/\/[^\s]+$/i, 'The server address starts with http:// or https://, e.g. http://couch.example:5984/'),
    username: z
      .string()
      .trim()
      .min(1, 'Enter the terminal user')
      .max(64, 'Terminal user: at most 64 characters')
      .regex(/^[^:\p{Cc}]*$/u, 'Terminal user: no colon and no control characters'),
    password: z.string().min(1, 'Enter the password').max(256, 'Password: at most 256 characters').regex(noControl, 'Password: no control characters'),
  })
  .strict();
export type PairingInput = z.input<typeof pairingInput>;

export type SyncState = 'not_configured' | 'connecting' | 'online' | 'offline';

export interface SyncProblemView {
  kind: string;
  message: string;
}

export interface SyncStatus {
  state: SyncState;
  /** The server's address without user info, or null when the terminal is not paired. */
  server: string | null;
  /** The terminal's CouchDB user (not secret; the password is never sent to screens). */
  account: string | null;
  problem: SyncProblemView | null;
  /** Last time everything this terminal had was on the server and the server's changes were here. */
  lastSyncedAt: string | null;
  /** Documents written here and not yet uploaded, per collection (collections with none are left out). */
  pending: Record<string, number>;
  pendingTotal: number;
  /** Counting stops at a limit per collection; true when a count reached it. */
  pendingCapped: boolean;
  /** Documents the server refused (see sync.rejections). */
  rejected: number;
  /** While a first sync pulls the server's data: documents here of those on the server. */
  firstSync: { done: number; total: number } | null;
}

export interface ConnectionCheck {
  ok: boolean;
  /** What was found, or what is wrong and what to do about it. */
  message: string;
  /** e.g. 'unreachable', 'wrong_credentials', 'wrong_terminal', 'not_set_up'; '' when ok. */
  problem: string;
  /** What answered: "CouchDB 3.4.2", "Kassa embedded server". */
  server: string;
  /** The account may write products, users and settings (manager terminal). */
  mayWriteCatalog: boolean;
}

export interface RejectedDocView {
  collection: string;
  docId: string;
  /** CouchDB's error name: 'forbidden' or 'unauthorized'. */
  error: string;
  /** What the server's validation said. */
  reason: string;
  firstAt: string;
  lastAt: string;
  attempts: number;
}

export interface RetryResult {
  accepted: number;
  stillRejected: number;
  /** Settled without uploading: the server holds the same or a winning version. */
  settled: number;
}

export const syncCommands = {
  /** Public: the login screen shows it too (a till that cannot sync should say so before anyone logs in); no secrets in it. */
  'sync.status': command<SyncStatus>()(noInput, 'public', 'reads'),
  /** Tries address and account without saving anything. */
  'sync.testConnection': command<ConnectionCheck>()(pairingInput, 'manager', 'reads'),
  /** Tests, then saves the address and account (0600 file on the till) and starts syncing with them. */
  'sync.pair': command<ConnectionCheck>()(pairingInput, 'manager', 'job'),
  'sync.rejections': command<RejectedDocView[]>()(noInput, 'manager', 'reads'),
  'sync.retryRejected': command<RetryResult>()(noInput, 'manager', 'job'),
} as const;

export interface SyncEvents {
  /** Sync status changed (pushed to every screen, at most a few times a second). */
  'sync.status': SyncStatus;
}
