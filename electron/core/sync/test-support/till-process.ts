/**
 * Test helper, child side: one till core with sync, in its own process (RxDB's open core allows 13 collections
 * per process, a till has 10, so two tills cannot share one). The parent (remote-till.ts) sends operations over
 * the IPC channel; each answers once. KASSA_TILL_PROCESS holds the configuration as JSON.
 */
import type { TillProcessConfig, TillRequest, TillResponse } from './remote-till';

const config = JSON.parse(process.env.KASSA_TILL_PROCESS ?? '{}') as TillProcessConfig;

// A terminal whose clock is off: everything in this process, RxDB's write times included, reads the wrong time.
if (config.clockOffsetMs) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + config.clockOffsetMs!;
}

const { openDatabase } = await import('../../db/open-database');
const { createTillCoreOn } = await import('../../till-core');
const { createMemoryCredentialStore, createFileCredentialStore } = await import('../credential-store');

const db = await openDatabase({ dataDir: config.dataDir, name: config.dbName });
const credentials = config.credentials ? createMemoryCredentialStore(config.credentials) : createFileCredentialStore(config.dataDir);
const core = await createTillCoreOn(db, {
  dataDir: config.dataDir,
  terminalId: config.terminalId,
  demo: config.demo ?? false,
  ...(config.demoProducts !== undefined ? { demoProducts: config.demoProducts } : {}),
  now: () => Date.now() + (config.businessClockOffsetMs ?? 0),
  sync: { url: config.url ?? null, prefix: config.prefix, credentials, ...config.settings },
});
let lastStatus: unknown = null;
const statuses: unknown[] = [];
core.onPush((target) => {
  if (target.message.event === 'sync.status') {
    lastStatus = target.message.payload;
    statuses.push(target.message.payload);
  }
});

type Collection = Parameters<typeof collectionOf>[0];
function collectionOf(name: 'products' | 'categories' | 'users' | 'sales' | 'payments' | 'stock_movements' | 'shifts' | 'audit_events' | 'settings' | 'local_state') {
  return db[name] as unknown as {
    bulkInsert(docs: unknown[]): Promise<{ error: unknown[] }>;
    find(query?: unknown): { exec(): Promise<{ toJSON(): unknown; incrementalPatch(p: unknown): Promise<unknown> }[]> };
    findOne(id: string): { exec(): Promise<{ toJSON(): unknown; incrementalPatch(p: unknown): Promise<unknown> } | null> };
    count(): { exec(): Promise<number> };
  };
}

const operations: Record<string, (...args: never[]) => Promise<unknown>> = {
  dispatch: (channel: string, name: string, input: unknown) => core.dispatch(channel, name, input),
  insert: async (collection: Collection, docs: unknown[]) => {
    const result = await collectionOf(collection).bulkInsert(docs);
    if (result.error.length > 0) throw new Error(`${result.error.length} documents not written: ${JSON.stringify(result.error[0]).slice(0, 300)}`);
    return docs.length;
  },
  find: async (collection: Collection) => (await collectionOf(collection).find().exec()).map((d) => d.toJSON()),
  get: async (collection: Collection, id: string) => (await collectionOf(collection).findOne(id).exec())?.toJSON() ?? null,
  count: (collection: Collection) => collectionOf(collection).count().exec(),
  patch: async (collection: Collection, id: string, patch: unknown) => {
    const doc = await collectionOf(collection).findOne(id).exec();
    if (!doc) throw new Error(`${collection}/${id} not found`);
    return ((await doc.incrementalPatch(patch)) as { toJSON(): unknown }).toJSON();
  },
  /** Resolves with the time (ms, this process's clock) the document was first seen in the store. */
  waitForDoc: (collection: Collection, id: string, timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.unsubscribe();
        reject(new Error(`${collection}/${id} did not arrive within ${timeoutMs} ms`));
      }, timeoutMs);
      const subscription = (db[collection] as unknown as { findOne(id: string): { $: { subscribe(fn: (doc: unknown) => void): { unsubscribe(): void } } } })
        .findOne(id)
        .$.subscribe((doc) => {
          if (!doc) return;
          clearTimeout(timer);
          resolve(Date.now());
          queueMicrotask(() => subscription.unsubscribe());
        });
    }),
  lastStatus: async () => lastStatus,
  statuses: async () => statuses.splice(0),
  close: async () => {
    await core.close();
    setImmediate(() => process.exit(0));
    return true;
  },
};

process.on('message', (raw) => {
  const request = raw as TillRequest;
  const operation = operations[request.op];
  const reply = (response: TillResponse) => process.send?.(response);
  if (!operation) {
    reply({ id: request.id, ok: false, error: `Unknown operation ${request.op}` });
    return;
  }
  (operation as (...args: unknown[]) => Promise<unknown>)(...request.args).then(
    (value) => reply({ id: request.id, ok: true, value }),
    (error: unknown) => reply({ id: request.id, ok: false, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }),
  );
});
// The test (or benchmark) that started this till is gone: do not linger.
process.on('disconnect', () => process.exit(1));
process.send?.({ id: 0, ok: true, value: 'ready' } satisfies TillResponse);
