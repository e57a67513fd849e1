/**
 * Test helper: a sync backend and tills that sync with it. By default the backend is the embedded server in
 * memory, in this process; with KASSA_TEST_COUCH_URL=http://admin:pw@host:5984/ it is that CouchDB (its databases
 * and accounts removed afterwards), so the same tests run against Apache CouchDB 3.x. Either way each backend has
 * a fresh database prefix, never the default one: a test that writes `kassa_T1` instead of asking the backend
 * (`terminalUserName(backend.prefix, 'T1')`) fails here, not only against a shared CouchDB.
 */
import { randomBytes } from 'node:crypto';
import type { SyncStatus } from '../../../../shared/api/commands/sync-commands';
import { CouchAdmin } from '../../../../server/couch-admin';
import { startEmbeddedServer } from '../../../../server/embedded-server';
import { setupBackend, type TerminalAccount } from '../../../../server/setup-backend';
import { databaseName, REPLICATED_COLLECTIONS, terminalUserName, type ReplicatedCollection } from '../../../../shared/sync/sync-names';
import { startTill, type RemoteTill, type TillProcessConfig } from './remote-till';

export interface SyncBackend {
  /** Server address without credentials, ending in '/'. */
  url: string;
  adminUrl: string;
  prefix: string;
  admin: CouchAdmin;
  passwordOf(terminalId: string): string;
  /** Adds or changes terminal accounts (as server:setup does). */
  addTerminals(terminals: TerminalAccount[]): Promise<void>;
  /** The server's documents of a collection (design documents left out). */
  docs(collection: ReplicatedCollection): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Fast retries and small waits, so tests see recoveries in well under a second. */
export const TEST_SYNC_TIMING: TillProcessConfig['settings'] = {
  timing: { minRetryMs: 50, maxRetryMs: 400, requestTimeoutMs: 15_000, longpollIdleMs: 8_000, gateWaitMs: 1_500 },
  replicationRetryMs: 100,
  heartbeatMs: 2_000,
  statusIntervalMs: 30,
  rejectionRetryMs: 60_000,
};

export async function startSyncBackend(terminals: TerminalAccount[]): Promise<SyncBackend> {
  const passwords = new Map<string, string>();
  const withPasswords = terminals.map((t) => {
    const password = t.password ?? `pw-${t.terminalId}-${randomBytes(6).toString('hex')}`;
    passwords.set(t.terminalId, password);
    return { ...t, password };
  });
  const external = process.env.KASSA_TEST_COUCH_URL;
  let adminUrl: string;
  let url: string;
  const prefix = `kassa_t${randomBytes(4).toString('hex')}_`;
  let stop: () => Promise<void>;
  if (external) {
    adminUrl = external;
    const report = await setupBackend({ adminUrl, prefix, terminals: withPasswords });
    url = new CouchAdmin(adminUrl).url;
    stop = async () => {
      const admin = new CouchAdmin(adminUrl);
      for (const c of REPLICATED_COLLECTIONS) await admin.request('DELETE', databaseName(prefix, c));
      for (const t of report.terminals) {
        const path = `_users/${encodeURIComponent(`org.couchdb.user:${t.username}`)}`;
        const doc = await admin.request<{ _rev?: string }>('GET', path);
        if (doc.body._rev) await admin.request('DELETE', `${path}?rev=${doc.body._rev}`);
      }
    };
  } else {
    const server = await startEmbeddedServer({ port: 0, admin: { name: 'admin', password: randomBytes(12).toString('hex') }, prefix, terminals: withPasswords });
    adminUrl = server.adminUrl;
    url = server.url;
    stop = () => server.close();
  }
  const admin = new CouchAdmin(adminUrl);
  return {
    url,
    adminUrl,
    prefix,
    admin,
    passwordOf: (terminalId) => {
      const password = passwords.get(terminalId);
      if (!password) throw new Error(`No account for terminal ${terminalId} in this test backend`);
      return password;
    },
    async addTerminals(more) {
      const accounts = more.map((t) => ({ ...t, password: t.password ?? passwords.get(t.terminalId) ?? `pw-${t.terminalId}-x` }));
      for (const a of accounts) passwords.set(a.terminalId, a.password);
      await setupBackend({ adminUrl, prefix, terminals: accounts });
    },
    async docs(collection) {
      const answer = await admin.request<{ rows: { id: string; doc: Record<string, unknown> }[] }>('GET', `${databaseName(prefix, collection)}/_all_docs?include_docs=true`);
      if (answer.status !== 200) throw new Error(`Reading ${collection} from the server: ${answer.status}`);
      return answer.body.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc);
    },
    close: stop,
  };
}

export interface SyncTillOptions {
  terminalId: string;
  /** The address the till uses (a NetworkSwitch's, to cut it off). Defaults to the backend's. */
  url?: string;
  password?: string;
  dataDir?: string;
  clockOffsetMs?: number;
  businessClockOffsetMs?: number;
  demo?: boolean;
  demoProducts?: number;
  settings?: TillProcessConfig['settings'];
}

/** A till in its own process, paired with the backend (in memory: nothing written to its data directory). */
export function openSyncTill(backend: SyncBackend, options: SyncTillOptions): Promise<RemoteTill> {
  return startTill({
    terminalId: options.terminalId,
    prefix: backend.prefix,
    credentials: {
      url: options.url ?? backend.url,
      username: terminalUserName(backend.prefix, options.terminalId),
      password: options.password ?? backend.passwordOf(options.terminalId),
    },
    settings: { ...TEST_SYNC_TIMING, ...options.settings },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.clockOffsetMs ? { clockOffsetMs: options.clockOffsetMs } : {}),
    ...(options.businessClockOffsetMs ? { businessClockOffsetMs: options.businessClockOffsetMs } : {}),
    ...(options.demo !== undefined ? { demo: options.demo } : {}),
    ...(options.demoProducts !== undefined ? { demoProducts: options.demoProducts } : {}),
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | false | undefined>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits until the till reports everything uploaded and its first pull done, while online. */
export function waitForSynced(till: RemoteTill, timeoutMs = 30_000): Promise<SyncStatus> {
  return waitFor(
    `terminal ${till.terminalId} to be in sync`,
    async () => {
      const status = await till.status();
      return status.state === 'online' && status.pendingTotal === 0 && status.firstSync === null ? status : null;
    },
    timeoutMs,
  );
}
