/**
 * Test helper, parent side: starts a till in a child process (till-process.ts) and talks to it. Tests and the
 * sync benchmark use it to run several terminals against one server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SyncStatus } from '../../../../shared/api/commands/sync-commands';
import type { ApiResult } from '../../../../shared/api/errors';
import { makeTempDir } from '../../test-support/temp-till';
import type { SyncCredentials } from '../credential-store';
import type { SyncSettings } from '../sync-settings';

export interface TillProcessConfig {
  dataDir: string;
  terminalId: string;
  dbName?: string;
  prefix: string;
  /** KASSA_COUCH_URL for this till. */
  url?: string | null;
  /** Pairing held in memory; absent: the 0600 file in the data directory. */
  credentials?: SyncCredentials | null;
  settings?: Partial<Omit<SyncSettings, 'credentials' | 'url' | 'prefix'>>;
  demo?: boolean;
  demoProducts?: number;
  /** Shifts the whole process's clock (RxDB's write times too). */
  clockOffsetMs?: number;
  /** Shifts only the clock the till's documents are stamped with. */
  businessClockOffsetMs?: number;
}

export interface TillRequest {
  id: number;
  op: string;
  args: unknown[];
}

export type TillResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

type Collection = 'products' | 'categories' | 'users' | 'sales' | 'payments' | 'stock_movements' | 'shifts' | 'audit_events' | 'settings' | 'local_state';

export interface RemoteTill {
  terminalId: string;
  dataDir: string;
  call<T = unknown>(name: string, input: unknown, channel?: string): Promise<ApiResult<T>>;
  must<T = unknown>(name: string, input: unknown, channel?: string): Promise<T>;
  /** The sync status, computed afresh. */
  status(): Promise<SyncStatus>;
  /** The sync status the till last pushed to its screens (pushed on every change). */
  lastPushedStatus(): Promise<SyncStatus | null>;
  /** Sync statuses pushed since the last call. */
  pushedStatuses(): Promise<SyncStatus[]>;
  insert(collection: Collection, docs: unknown[]): Promise<void>;
  find<T = Record<string, unknown>>(collection: Collection): Promise<T[]>;
  get<T = Record<string, unknown>>(collection: Collection, id: string): Promise<T | null>;
  count(collection: Collection): Promise<number>;
  patch<T = Record<string, unknown>>(collection: Collection, id: string, patch: Record<string, unknown>): Promise<T>;
  /** Resolves (with the child's clock) when the document is in the till's store. */
  waitForDoc(collection: Collection, id: string, timeoutMs: number): Promise<number>;
  /** Closes the till cleanly (the data directory stays, for a restart). */
  stop(): Promise<void>;
  /** Stops the till and removes its data directory. */
  dispose(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./till-process.ts', import.meta.url));

export async function startTill(config: Omit<TillProcessConfig, 'dataDir'> & { dataDir?: string }): Promise<RemoteTill> {
  const dataDir = config.dataDir ?? makeTempDir('kassa-till-');
  const full: TillProcessConfig = { ...config, dataDir };
  const child: ChildProcess = fork(SCRIPT, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, KASSA_TILL_PROCESS: JSON.stringify(full), KASSA_LOG_LEVEL: process.env.KASSA_LOG_LEVEL ?? 'error' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let exited = false;
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (raw) => {
      const response = raw as TillResponse;
      if (response.id === 0) return resolve();
      const pending = waiting.get(response.id);
      waiting.delete(response.id);
      if (!pending) return;
      if (response.ok) pending.resolve(response.value);
      else pending.reject(new Error(`Till ${config.terminalId}: ${response.error}`));
    });
    child.once('exit', (code) => {
      exited = true;
      const error = new Error(`Till ${config.terminalId} exited (${code})`);
      reject(error);
      for (const p of waiting.values()) p.reject(error);
      waiting.clear();
    });
  });
  await ready;

  const send = <T>(op: string, ...args: unknown[]): Promise<T> => {
    if (exited) return Promise.reject(new Error(`Till ${config.terminalId} is not running`));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, op, args } satisfies TillRequest);
    });
  };
  const stop = async () => {
    if (exited) return;
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await send('close').catch(() => undefined);
    await done;
  };
  return {
    terminalId: config.terminalId,
    dataDir,
    call: (name, input, channel = 'test') => send('dispatch', channel, name, input),
    async must<T>(name: string, input: unknown, channel = 'test') {
      const result = await send<ApiResult<T>>('dispatch', channel, name, input);
      if (!result.ok) throw new Error(`${name} on ${config.terminalId} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async status() {
      const result = await send<ApiResult<SyncStatus>>('dispatch', 'test', 'sync.status', {});
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    lastPushedStatus: () => send('lastStatus'),
    pushedStatuses: () => send('statuses'),
    insert: async (collection, docs) => {
      await send('insert', collection, docs);
    },
    find: (collection) => send('find', collection),
    get: (collection, id) => send('get', collection, id),
    count: (collection) => send('count', collection),
    patch: (collection, id, patch) => send('patch', collection, id, patch),
    waitForDoc: (collection, id, timeoutMs) => send('waitForDoc', collection, id, timeoutMs),
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
