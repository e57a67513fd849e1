/**
 * Sync suite: tills in their own processes (as in production, one per process) against the embedded sync server
 * (express-pouchdb, in memory, in this process), with the production sync settings (batches of 1,000 up and down).
 *
 * - sync_push_10k_sales_s: 10,000 sale documents committed on T1 in one write; from the commit until the server
 *   holds all of them (the local write itself is the storage suite's business).
 * - sync_push_10k_checkouts_s: the same with what checkout writes alongside each sale (payment, stock movements,
 *   audit event: 50,000 documents), for context.
 * - sync_pull_100k_products_s: a new terminal joins a store whose server holds 100,000 products: from the till's
 *   start until all of them are in its store (its first sync).
 * - sync_latency_p95_ms: T1 and T2 online; a sale committed on T1 until T2's store has it, p95 of 50.
 */
import { randomBytes } from 'node:crypto';
import { startEmbeddedServer, type EmbeddedServer } from '../../server/embedded-server';
import { CouchAdmin } from '../../server/couch-admin';
import { startTill, type RemoteTill } from '../../electron/core/sync/test-support/remote-till';
import { makeSale, type SaleBundle } from '../../electron/core/sync/test-support/sale-fixtures';
import { waitFor, waitForSynced } from '../../electron/core/sync/test-support/sync-harness';
import { generateCatalog } from '../../shared/catalog/generate-catalog';
import type { BenchResult, BenchSize } from '../bench-types';
import { percentile } from '../support/product-db';

const PREFIX = 'kassa_';
const SIZES = {
  full: { sales: 10_000, products: 100_000, latencySamples: 50 },
  quick: { sales: 300, products: 2_000, latencySamples: 5 },
} satisfies Record<BenchSize, unknown>;

export interface Store {
  server: EmbeddedServer;
  admin: CouchAdmin;
  password(terminalId: string): string;
}

export async function startStore(terminals: string[]): Promise<Store> {
  const passwords = new Map(terminals.map((t) => [t, randomBytes(9).toString('hex')]));
  const server = await startEmbeddedServer({
    port: 0,
    admin: { name: 'admin', password: randomBytes(9).toString('hex') },
    prefix: PREFIX,
    terminals: terminals.map((terminalId) => ({ terminalId, password: passwords.get(terminalId)!, manager: true })),
    onError: () => undefined,
  });
  return { server, admin: new CouchAdmin(server.adminUrl), password: (t) => passwords.get(t)! };
}

export function till(store: Store, terminalId: string): Promise<RemoteTill> {
  return startTill({
    terminalId,
    prefix: PREFIX,
    credentials: { url: store.server.url, username: `${PREFIX}${terminalId}`, password: store.password(terminalId) },
    settings: { statusIntervalMs: 250 },
  });
}

async function serverCount(store: Store, collection: string): Promise<number> {
  const info = await store.admin.request<{ doc_count?: number }>('GET', `${PREFIX}${collection}`);
  return (info.body.doc_count ?? 0) - 1; // less the design document
}

function sales(terminalId: string, count: number, tag: string): SaleBundle[] {
  const products = generateCatalog({ products: 50, seed: 4, idPrefix: terminalId }).products;
  return Array.from({ length: count }, (_, i) =>
    makeSale({ id: `${terminalId}-${tag}${String(i).padStart(7, '0')}`, terminalId, seq: i + 1, at: new Date().toISOString(), products: [products[i % 50]!, products[(i * 7) % 50]!] }),
  );
}

async function timePush(store: Store, t1: RemoteTill, bundles: SaleBundle[], withDerived: boolean): Promise<number> {
  const collections = withDerived ? ['sales', 'payments', 'stock_movements', 'audit_events'] : ['sales'];
  const expected = new Map<string, number>();
  for (const c of collections) expected.set(c, await serverCount(store, c));
  const docs = {
    sales: bundles.map((b) => b.sale),
    payments: bundles.flatMap((b) => b.payments),
    stock_movements: bundles.flatMap((b) => b.movements),
    audit_events: bundles.map((b) => b.audit),
  };
  for (const c of collections) {
    await t1.insert(c as keyof typeof docs, docs[c as keyof typeof docs]);
    expected.set(c, expected.get(c)! + docs[c as keyof typeof docs].length);
  }
  // The upload starts with the first committed batch; the clock starts when all are committed on T1.
  const started = performance.now();
  await waitFor(
    'the upload',
    async () => {
      for (const [c, n] of expected) if ((await serverCount(store, c)) < n) return false;
      return true;
    },
    600_000,
    50,
  );
  return (performance.now() - started) / 1000;
}

async function pushBench(count: number): Promise<BenchResult[]> {
  const store = await startStore(['T1']);
  const t1 = await till(store, 'T1');
  try {
    await waitForSynced(t1, 60_000);
    const salesOnly = await timePush(store, t1, sales('T1', count, 'PUSH'), false);
    const checkouts = await timePush(store, t1, sales('T1', count, 'FULL'), true);
    return [
      { name: 'sync_push_10k_sales_s', value: round(salesOnly), unit: 's' },
      { name: 'sync_push_10k_checkouts_s', value: round(checkouts), unit: 's' },
    ];
  } finally {
    await t1.dispose();
    await store.server.close();
  }
}

async function pullBench(products: number): Promise<BenchResult[]> {
  const store = await startStore(['T2']);
  try {
    const catalog = generateCatalog({ products, seed: 77, idPrefix: 'HQ' });
    // The catalog is put on the server directly (as a back office would), then a new terminal joins.
    for (const [collection, docs] of [['categories', catalog.categories], ['products', catalog.products]] as const) {
      for (let i = 0; i < docs.length; i += 5_000) {
        const batch = docs.slice(i, i + 5_000).map(({ id, ...rest }) => ({ _id: id, ...rest, edits: 1 }));
        await store.admin.expect('seeding the catalog', 'POST', `${PREFIX}${collection}/_bulk_docs`, { docs: batch }, [201]);
      }
    }
    const started = performance.now();
    const t2 = await till(store, 'T2');
    try {
      await waitFor('the whole catalog on T2', async () => (await t2.count('products')) === products, 600_000, 100);
      const seconds = (performance.now() - started) / 1000;
      return [{ name: 'sync_pull_100k_products_s', value: round(seconds), unit: 's' }];
    } finally {
      await t2.dispose();
    }
  } finally {
    await store.server.close();
  }
}

async function latencyBench(samples: number): Promise<BenchResult[]> {
  const store = await startStore(['T1', 'T2']);
  const [t1, t2] = await Promise.all([till(store, 'T1'), till(store, 'T2')]);
  try {
    await Promise.all([waitForSynced(t1, 60_000), waitForSynced(t2, 60_000)]);
    const bundles = sales('T1', samples + 5, 'LAT');
    const times: number[] = [];
    for (const [i, bundle] of bundles.entries()) {
      const arrived = t2.waitForDoc('sales', bundle.sale.id, 30_000);
      const started = Date.now();
      await t1.insert('sales', [bundle.sale]);
      const latency = (await arrived) - started;
      if (i >= 5) times.push(latency); // the first few warm connections and caches up
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [{ name: 'sync_latency_p95_ms', value: Math.round(percentile(times, 95)), unit: 'ms' }];
  } finally {
    await Promise.all([t1.dispose(), t2.dispose()]);
    await store.server.close();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function syncSuite(size: BenchSize): Promise<BenchResult[]> {
  const { sales, products, latencySamples } = SIZES[size];
  return [...(await pushBench(sales)), ...(await pullBench(products)), ...(await latencyBench(latencySamples))];
}
