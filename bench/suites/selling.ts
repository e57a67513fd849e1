/**
 * Selling suite: a till core on SQLite with a 100,000-product catalog and the demo users, measured through the
 * core's dispatcher (input validation, session and role check included) the way a screen calls it.
 *
 * - selling_core_open_100k_ms: a restart of a till whose store holds the 100k products: the store opened and the
 *   core ready to answer (catalog index built, stock ledger and settings read, sales reconciled, cart restored).
 * - search_p95_ms: p95 of 400 distinct `catalog.search` calls (limit 50): name prefixes of one to three words,
 *   words with one typo, SKU and barcode prefixes, exact barcodes, some with a category filter.
 * - scan_to_line_p95_ms: p95 of 400 `cart.scan` calls with catalog barcodes (the cart is cleared every 20 scans,
 *   untimed), from the call until the new cart view is back: lookup, totals, the cart written to disk, the push.
 * - checkout_commit_p95_ms: p95 of 200 `checkout.pay` calls (three scanned items, cash with change): settlement,
 *   receipt number and the sale's insert, until the clerk has the receipt. Its payments, stock movements, audit
 *   event and the new cart on disk follow before the next command (untimed here; the next scan waits for them).
 * - scan_to_line_host_p95_ms: `cart.scan` as the till ships: through the browser host's HTTP API (POST
 *   /api/call/cart.scan on loopback, keep-alive, JSON both ways) and across the process boundary to the core in
 *   its own process, and back.
 * - checkout_commit_host_p95_ms: `checkout.pay` the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from '../../electron/host/browser-host';
import { openDatabase } from '../../electron/core/db/open-database';
import { createLogger } from '../../electron/core/log';
import { forkNodeCore } from '../../electron/core/process/core-link';
import { startSupervisedCore } from '../../electron/core/process/core-supervisor';
import { createTillCoreOn } from '../../electron/core/till-core';
import type { TillCore } from '../../electron/core/api/till-core-types';
import { generateCatalog } from '../../shared/catalog/generate-catalog';
import { createSeededRandom, type SeededRandom } from '../../shared/catalog/seeded-random';
import type { ProductDoc } from '../../shared/model';
import type { BenchResult, BenchSize } from '../bench-types';
import { percentile } from '../support/product-db';

const SIZES = {
  full: { products: 100_000, warmup: 30, searches: 400, scans: 400, checkouts: 200 },
  quick: { products: 2_000, warmup: 5, searches: 40, scans: 40, checkouts: 20 },
} satisfies Record<BenchSize, unknown>;
type Sizes = (typeof SIZES)[BenchSize];
const BATCH = 5_000;
const SEED = 20_250_101;
const CHANNEL = 'bench';

export async function sellingSuite(size: BenchSize): Promise<BenchResult[]> {
  const sizes = SIZES[size];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-selling-'));
  const { products } = generateCatalog({ products: sizes.products, seed: SEED });
  const random = createSeededRandom(SEED);
  try {
    const filling = await openDatabase({ dataDir });
    for (let from = 0; from < products.length; from += BATCH) {
      const { error } = await filling.products.bulkInsert(products.slice(from, from + BATCH));
      if (error.length > 0) throw new Error(`catalog insert failed: ${JSON.stringify(error[0]).slice(0, 300)}`);
    }
    // demo: seeds the demo users only, the catalog being there already.
    await (await createTillCoreOn(filling, { dataDir, terminalId: 'BENCH', demo: true })).close();
    const opening = performance.now();
    const core = await createTillCoreOn(await openDatabase({ dataDir }), { dataDir, terminalId: 'BENCH', demo: false });
    const openMs = performance.now() - opening;
    let search: number[], scan: number[], checkout: number[];
    try {
      await must(core, 'auth.login', { username: 'clara', secret: '1234' });
      search = await searchTimes(core, searchQueries(products, random, sizes), sizes);
      scan = await scanTimes(core, products, random, sizes);
      checkout = await checkoutTimes(core, products, random, sizes);
    } finally {
      await core.close();
    }
    const host = await shippedTimes(dataDir, products, random, sizes);
    return [
      { name: 'selling_core_open_100k_ms', value: Math.round(openMs), unit: 'ms' },
      { name: 'search_p95_ms', value: round2(percentile(search, 95)), unit: 'ms' },
      { name: 'scan_to_line_p95_ms', value: round2(percentile(scan, 95)), unit: 'ms' },
      { name: 'checkout_commit_p95_ms', value: round2(percentile(checkout, 95)), unit: 'ms' },
      { name: 'scan_to_line_host_p95_ms', value: round2(percentile(host.scans, 95)), unit: 'ms' },
      { name: 'checkout_commit_host_p95_ms', value: round2(percentile(host.checkouts, 95)), unit: 'ms' },
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function must(core: TillCore, name: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await core.dispatch(CHANNEL, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

interface SearchQuery {
  query: string;
  categoryId?: string;
}

function searchQueries(products: ProductDoc[], random: SeededRandom, { warmup, searches }: Sizes): SearchQuery[] {
  const queries = new Map<string, SearchQuery>();
  const words = (p: ProductDoc) => p.name.split(/\s+/).filter((w) => /^[A-Za-z]{3,}$/.test(w));
  while (queries.size < warmup + searches) {
    const product = random.pick(products);
    const kind = random.int(6);
    let query: SearchQuery;
    if (kind === 0 || kind === 1) {
      // As typed: one to three words of the name, the last one cut short.
      const w = words(product).slice(0, 1 + random.int(3));
      if (w.length === 0) continue;
      const last = w.pop()!;
      query = { query: [...w, last.slice(0, 2 + random.int(Math.max(1, last.length - 1)))].join(' ') };
    } else if (kind === 2) {
      const w = words(product).filter((word) => word.length >= 5);
      if (w.length === 0) continue;
      const word = random.pick(w).toLowerCase();
      const at = 1 + random.int(word.length - 2);
      query = { query: word.slice(0, at) + String.fromCharCode(97 + random.int(26)) + word.slice(at + 1) };
    } else if (kind === 3) {
      query = { query: product.barcode.slice(0, 5 + random.int(8)) };
    } else if (kind === 4) {
      query = { query: product.sku.slice(0, 5 + random.int(5)) };
    } else {
      const w = words(product);
      if (w.length === 0) continue;
      query = { query: random.pick(w).slice(0, 3), categoryId: product.categoryId };
    }
    queries.set(JSON.stringify(query), query);
  }
  return [...queries.values()];
}

async function searchTimes(core: TillCore, queries: SearchQuery[], { warmup }: Sizes): Promise<number[]> {
  const times: number[] = [];
  for (const [i, q] of queries.entries()) {
    const started = performance.now();
    await must(core, 'catalog.search', { ...q, limit: 50 });
    if (i >= warmup) times.push(performance.now() - started);
  }
  return times;
}

async function scanTimes(core: TillCore, products: ProductDoc[], random: SeededRandom, { warmup, scans }: Sizes): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmup + scans; i++) {
    if (i % 20 === 0) await must(core, 'cart.clear', {});
    const code = random.pick(products).barcode;
    const started = performance.now();
    await must(core, 'cart.scan', { code });
    if (i >= warmup) times.push(performance.now() - started);
  }
  await must(core, 'cart.clear', {});
  return times;
}

/** Scans and checkouts as the till ships: the browser host in this process, the core in a process of its own. */
async function shippedTimes(dataDir: string, products: ProductDoc[], random: SeededRandom, sizes: Sizes): Promise<{ scans: number[]; checkouts: number[] }> {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-static-'));
  const log = createLogger('bench-host');
  const core = await startSupervisedCore({
    spawn: () => forkNodeCore({ ...process.env, KASSA_LOG_LEVEL: 'warn' }),
    options: { dataDir, terminalId: 'BENCH', demo: false, sync: { url: null, credentials: { kind: 'file' } } },
    log,
  });
  const host = await startBrowserHost({ core, port: 0, staticDir, log });
  try {
    let cookie = '';
    const post = async (name: string, input: unknown): Promise<Record<string, unknown>> => {
      const response = await fetch(`${host.url}api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify(input),
      });
      cookie ||= response.headers.get('set-cookie')?.split(';')[0] ?? '';
      const result = (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: unknown };
      if (!result.ok) throw new Error(`host ${name} failed: ${JSON.stringify(result.error).slice(0, 200)}`);
      return result.value!;
    };
    await post('auth.login', { username: 'clara', secret: '1234' });
    const scans: number[] = [];
    for (let i = 0; i < sizes.warmup + sizes.scans; i++) {
      if (i % 20 === 0) await post('cart.clear', {});
      const code = random.pick(products).barcode;
      const started = performance.now();
      await post('cart.scan', { code });
      if (i >= sizes.warmup) scans.push(performance.now() - started);
    }
    await post('cart.clear', {});
    const pieces = products.filter((p) => p.unit === 'piece');
    const checkouts: number[] = [];
    for (let i = 0; i < sizes.warmup + sizes.checkouts; i++) {
      let cart: Record<string, unknown> = {};
      for (let k = 0; k < 3; k++) cart = await post('cart.scan', { code: random.pick(pieces).barcode });
      const started = performance.now();
      await post('checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: (cart.total as number) + 1_000 }] });
      if (i >= sizes.warmup) checkouts.push(performance.now() - started);
    }
    return { scans, checkouts };
  } finally {
    await host.close();
    await core.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
}

async function checkoutTimes(core: TillCore, products: ProductDoc[], random: SeededRandom, { warmup, checkouts }: Sizes): Promise<number[]> {
  const pieces = products.filter((p) => p.unit === 'piece');
  const times: number[] = [];
  for (let i = 0; i < warmup + checkouts; i++) {
    let cart: Record<string, unknown> = {};
    for (let k = 0; k < 3; k++) cart = await must(core, 'cart.scan', { code: random.pick(pieces).barcode });
    const total = cart.total as number;
    const started = performance.now();
    await must(core, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: total + 1_000 }] });
    if (i >= warmup) times.push(performance.now() - started);
  }
  return times;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
