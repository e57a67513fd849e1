/**
 * Reports suite: the managers' dashboard on a busy store's year, and how fast it shows another till's sale.
 *
 * - figures_build_200k_ms: a till core opens on a store of 200,000 sales (3 lines each, a year, 3 terminals, 5 %
 *   returns); from the core being ready until its sales figures are built in the background.
 * - first_command_during_build_ms: the first command (`auth.status`) right after the core opened, while that build
 *   runs: the build must not hold it up.
 * - dashboard_year_p95_ms: p95 of 40 `reports.dashboard` calls for the whole year (the store, and each terminal in
 *   turn), through the core's dispatcher as a screen calls it. Target ≤ 300 ms.
 * - dashboard_live_update_ms: two tills in their own processes synced through the embedded server; a sale written
 *   on T1 until T2's `reports.dashboard` counts it (polled every 10 ms), median of 15. Target ≤ 1,000 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open-database';
import { startTill } from '../../electron/core/sync/test-support/remote-till';
import { makeSale } from '../../electron/core/sync/test-support/sale-fixtures';
import { waitForSynced } from '../../electron/core/sync/test-support/sync-harness';
import { createTillCoreOn } from '../../electron/core/till-core';
import { TEST_CARDS } from '../../shared/payments/processor-api';
import { cardTender, cashTender } from '../../shared/sale/sale-tender';
import type { DashboardView } from '../../shared/api/commands/reports-commands';
import { generateCatalog } from '../../shared/catalog/generate-catalog';
import { createSeededRandom } from '../../shared/catalog/seeded-random';
import type { SaleDoc, SaleLine } from '../../shared/model';
import { dayOfDate } from '../../shared/reports/store-calendar';
import type { BenchResult, BenchSize } from '../bench-types';
import { percentile } from '../support/product-db';
import { startStore } from './sync';

const SIZES = {
  full: { sales: 200_000, calls: 40, liveSamples: 15 },
  quick: { sales: 3_000, calls: 5, liveSamples: 3 },
} satisfies Record<BenchSize, unknown>;
const BATCH = 5_000;
const TERMINALS = ['B1', 'B2', 'B3'];

/** A year of a busy store, fast to make: three lines a sale, tax included at 19 % or 7 %, cash or card. */
function yearOfSales(count: number): SaleDoc[] {
  const random = createSeededRandom(2026);
  const { products } = generateCatalog({ products: 2_000, seed: 9 });
  const start = new Date(2025, 0, 1, 8).getTime();
  const span = 365 * 86_400_000;
  const seqs = new Map<string, number>();
  const docs: SaleDoc[] = [];
  for (let i = 0; i < count; i++) {
    const terminalId = TERMINALS[i % TERMINALS.length]!;
    const seq = (seqs.get(terminalId) ?? 0) + 1;
    seqs.set(terminalId, seq);
    const at = new Date(start + Math.floor((i / count) * span) + random.int(3_600_000)).toISOString();
    const base = { id: `${terminalId}-Y${String(i).padStart(7, '0')}`, number: `${terminalId}-${String(seq).padStart(6, '0')}`, seq, terminalId, createdAt: at };
    const earlier = docs[docs.length - 1 - random.int(Math.min(docs.length, 50))];
    if (earlier && earlier.kind === 'sale' && random.chance(0.05)) {
      const line = earlier.lines[0]!;
      docs.push({
        ...earlier,
        ...base,
        kind: 'return',
        refSaleId: earlier.id,
        refLines: [0],
        lines: [line],
        subtotal: line.lineTotal,
        discountTotal: 0,
        taxTotal: line.tax,
        total: line.lineTotal,
        taxBreakdown: [{ taxClass: line.taxClass, rateBp: line.taxClass === 'standard' ? 1900 : 700, base: line.lineTotal - line.tax, tax: line.tax }],
        cashRounding: 0,
        tenders: [cashTender(line.lineTotal)],
      });
      continue;
    }
    const lines: SaleLine[] = [0, 1, 2].map(() => {
      const p = products[random.int(products.length)]!;
      const qty = 1 + random.int(3);
      const lineTotal = p.price * qty;
      const rate = p.taxClass === 'reduced' ? 700 : p.taxClass === 'zero' ? 0 : 1900;
      const tax = Math.round((lineTotal * rate) / (10_000 + rate));
      return { productId: p.id, sku: p.sku, name: p.name, unit: 'piece', qtyMilli: qty * 1000, unitPrice: p.price, discount: 0, tax, lineTotal, taxClass: p.taxClass };
    });
    const total = lines.reduce((s, l) => s + l.lineTotal, 0);
    const rows = ['standard', 'reduced', 'zero'].flatMap((taxClass) => {
      const of = lines.filter((l) => l.taxClass === taxClass);
      if (of.length === 0) return [];
      const tax = of.reduce((s, l) => s + l.tax, 0);
      const amount = of.reduce((s, l) => s + l.lineTotal, 0);
      return [{ taxClass: taxClass as SaleLine['taxClass'], rateBp: taxClass === 'standard' ? 1900 : taxClass === 'reduced' ? 700 : 0, base: amount - tax, tax }];
    });
    docs.push({
      ...base,
      clerkId: `DEMO-U${1 + random.int(3)}`,
      kind: 'sale',
      refSaleId: '',
      refLines: [],
      currency: 'EUR',
      pricesIncludeTax: true,
      lines,
      subtotal: total,
      discountTotal: 0,
      taxTotal: lines.reduce((s, l) => s + l.tax, 0),
      total,
      taxBreakdown: rows,
      cashRounding: 0,
      tenders: [random.chance(0.5) ? cashTender(total) : cardTender(total, TEST_CARDS.approve, { idempotencyKey: `A${i}`, reference: `A${i}`, forwarding: '' })],
      approvedBy: '',
      status: 'completed',
    });
  }
  return docs;
}

async function yearBench(count: number, calls: number): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-reports-'));
  try {
    const sales = yearOfSales(count);
    const filling = await openDatabase({ dataDir });
    for (let from = 0; from < sales.length; from += BATCH) {
      const { error } = await filling.sales.bulkInsert(sales.slice(from, from + BATCH));
      if (error.length > 0) throw new Error(`sales insert failed: ${JSON.stringify(error[0]).slice(0, 300)}`);
    }
    // demo: the demo users (maria logs in); its catalog is small and its seed sales none.
    await (await createTillCoreOn(filling, { dataDir, terminalId: 'BENCH', demo: true, demoProducts: 50 })).close();

    const opening = performance.now();
    const core = await createTillCoreOn(await openDatabase({ dataDir }), { dataDir, terminalId: 'BENCH', demo: false });
    const ready = performance.now();
    const first = await core.dispatch('bench', 'auth.status', {});
    const firstMs = performance.now() - ready;
    if (!first.ok || core.figures.preparing === null) throw new Error('the first command should be answered while the figures are built');
    await core.figures.ready();
    const buildMs = performance.now() - ready;
    const times: number[] = [];
    try {
      const login = await core.dispatch('bench', 'auth.login', { username: 'maria', secret: '4321' });
      if (!login.ok) throw new Error(login.error.message);
      const from = dayOfDate(new Date(sales[0]!.createdAt));
      const to = dayOfDate(new Date(sales.at(-1)!.createdAt));
      const filters = [undefined, ...TERMINALS];
      for (let i = 0; i < calls + 5; i++) {
        const terminalId = filters[i % filters.length];
        const started = performance.now();
        const result = await core.dispatch('bench', 'reports.dashboard', { from, to, ...(terminalId ? { terminalId } : {}) });
        const ms = performance.now() - started;
        if (!result.ok) throw new Error(result.error.message);
        const view = result.value as DashboardView;
        if (terminalId === undefined && view.figures.transactions + view.figures.returnsCount !== count) throw new Error(`the year holds ${count} sales, the dashboard says ${view.figures.transactions}`);
        if (i >= 5) times.push(ms);
      }
    } finally {
      await core.close();
    }
    void opening;
    return [
      { name: 'figures_build_200k_ms', value: Math.round(buildMs), unit: 'ms' },
      { name: 'first_command_during_build_ms', value: Math.round(firstMs * 100) / 100, unit: 'ms' },
      { name: 'dashboard_year_p95_ms', value: Math.round(percentile(times, 95) * 100) / 100, unit: 'ms' },
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function liveBench(samples: number): Promise<BenchResult[]> {
  const store = await startStore(['T1', 'T2']);
  const open = (terminalId: string) =>
    startTill({
      terminalId,
      prefix: 'kassa_',
      demo: true,
      demoProducts: 50,
      credentials: { url: store.server.url, username: `kassa_${terminalId}`, password: store.password(terminalId) },
      settings: { statusIntervalMs: 250 },
    });
  const [t1, t2] = await Promise.all([open('T1'), open('T2')]);
  try {
    await Promise.all([waitForSynced(t1, 60_000), waitForSynced(t2, 60_000)]);
    await t2.must('auth.login', { username: 'maria', secret: '4321' }, 'bench');
    const { products } = generateCatalog({ products: 50, seed: 4, idPrefix: 'T1' });
    const today = dayOfDate(new Date());
    const counted = async () => (await t2.must<DashboardView>('reports.dashboard', { from: today, to: today }, 'bench')).figures.transactions;
    const times: number[] = [];
    for (let i = 0; i < samples + 3; i++) {
      const before = await counted();
      const { sale } = makeSale({ id: `T1-LIVE${String(i).padStart(6, '0')}`, terminalId: 'T1', seq: i + 1, at: new Date().toISOString(), products: [products[i % 50]!, products[(i * 7) % 50]!, products[(i * 3) % 50]!] });
      const started = Date.now();
      await t1.insert('sales', [sale]);
      for (;;) {
        if ((await counted()) > before) break;
        if (Date.now() - started > 30_000) throw new Error('the sale never reached the other till’s dashboard');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (i >= 3) times.push(Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return [{ name: 'dashboard_live_update_ms', value: Math.round(percentile(times, 50)), unit: 'ms' }, { name: 'dashboard_live_update_p95_ms', value: Math.round(percentile(times, 95)), unit: 'ms' }];
  } finally {
    await Promise.all([t1.dispose(), t2.dispose()]);
    await store.server.close();
  }
}

export async function reportsSuite(size: BenchSize): Promise<BenchResult[]> {
  const { sales, calls, liveSamples } = SIZES[size];
  return [...(await yearBench(sales, calls)), ...(await liveBench(liveSamples))];
}
