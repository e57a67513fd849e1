/**
 * The dashboard through the core's one door, on a real store: sales of several terminals arrive before the core
 * opens (the background build) and while it runs (the change stream), and every figure must equal what the test
 * sums from the stored documents itself. The incremental aggregates must equal a rebuild, also after a restart;
 * the build must never hold up the first command.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvChunk, DashboardView, SalesPage } from '../../../shared/api/commands/reports-commands';
import type { SaleDoc } from '../../../shared/model';
import { buildAggregates } from '../../../shared/reports/sales-aggregates';
import { localCalendar } from '../../../shared/reports/store-calendar';
import { randomSales } from '../../../shared/reports/test-support/random-sales';
import { openCardTill } from '../payments/test-support/stand-in-processor';
import type { TempTill } from '../test-support/temp-till';

let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

const cal = localCalendar;
const SALES = randomSales({ seed: 42, count: 900, terminals: ['T2', 'T3', 'T4'], clerks: ['DEMO-U1', 'DEMO-U2', 'DEMO-U3'] });
const dayOf = (d: SaleDoc) => cal.placeOf(d.createdAt).day;
const DAYS = [...new Set(SALES.map(dayOf))].sort();

async function insert(t: TempTill, docs: SaleDoc[]): Promise<void> {
  const { error } = await t.db.sales.bulkInsert(docs);
  expect(error).toEqual([]);
}

async function untilBuilt(t: TempTill): Promise<void> {
  await t.core.figures.ready();
  expect(t.core.figures.preparing).toBeNull();
}

/** The test's own sums over the raw documents of a range. */
function sums(docs: SaleDoc[], from: string, to: string, terminalId?: string) {
  const inRange = docs.filter((d) => d.status === 'completed' && dayOf(d) >= from && dayOf(d) <= to && (!terminalId || d.terminalId === terminalId));
  const sales = inRange.filter((d) => d.kind === 'sale');
  const returns = inRange.filter((d) => d.kind === 'return');
  const total = (list: SaleDoc[], f: (d: SaleDoc) => number) => list.reduce((s, d) => s + f(d), 0);
  const sign = (d: SaleDoc) => (d.kind === 'return' ? -1 : 1);
  const byKey = (key: (d: SaleDoc) => string) => {
    const out: Record<string, number> = {};
    for (const d of inRange) out[key(d)] = (out[key(d)] ?? 0) + sign(d) * d.total;
    return out;
  };
  const tax: Record<string, number> = {};
  const tenders: Record<string, number> = {};
  const products: Record<string, number> = {};
  for (const d of inRange) {
    for (const r of d.taxBreakdown) tax[`${r.taxClass}@${r.rateBp}`] = (tax[`${r.taxClass}@${r.rateBp}`] ?? 0) + sign(d) * r.tax;
    for (const t of d.tenders) tenders[t.method] = (tenders[t.method] ?? 0) + sign(d) * t.amount;
    for (const l of d.lines) products[l.productId] = (products[l.productId] ?? 0) + sign(d) * l.lineTotal;
  }
  const salesTotal = total(sales, (d) => d.total);
  return {
    transactions: sales.length,
    returnsCount: returns.length,
    gross: total(sales, (d) => d.subtotal),
    discounts: total(sales, (d) => d.discountTotal),
    returns: total(returns, (d) => d.total),
    net: salesTotal - total(returns, (d) => d.total),
    averageBasket: sales.length > 0 ? Math.round(salesTotal / sales.length) : 0,
    tax,
    tenders,
    products,
    terminals: byKey((d) => d.terminalId),
    clerks: byKey((d) => d.clerkId),
    seriesNet: from === to ? byKey((d) => String(cal.placeOf(d.createdAt).hour).padStart(2, '0')) : byKey(dayOf),
  };
}

function expectDashboard(view: DashboardView, docs: SaleDoc[]) {
  const want = sums(docs, view.from, view.to, view.terminalId ?? undefined);
  const f = view.figures;
  expect({ transactions: f.transactions, returnsCount: f.returnsCount, gross: f.gross, discounts: f.discounts, returns: f.returns, net: f.net, averageBasket: f.averageBasket }).toEqual({
    transactions: want.transactions,
    returnsCount: want.returnsCount,
    gross: want.gross,
    discounts: want.discounts,
    returns: want.returns,
    net: want.net,
    averageBasket: want.averageBasket,
  });
  expect(Object.fromEntries(f.tax.map((t) => [`${t.taxClass}@${t.rateBp}`, t.tax]))).toEqual(want.tax);
  expect(Object.fromEntries(view.tenders.map((t) => [t.method, t.net]))).toEqual(want.tenders);
  expect(Object.fromEntries(view.terminals.map((t) => [t.key, t.net]))).toEqual(want.terminals);
  expect(Object.fromEntries(view.clerks.map((c) => [c.key, c.net]))).toEqual(want.clerks);
  const top = Object.entries(want.products).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
  expect(view.topProducts.map((p) => [p.key, p.net])).toEqual(top);
  expect(Object.fromEntries(view.series.filter((p) => p.net !== 0).map((p) => [p.key, p.net]))).toEqual(
    Object.fromEntries(Object.entries(want.seriesNet).filter(([, v]) => v !== 0)),
  );
}

describe('the sales dashboard', () => {
  it('gives every figure as the sums of the stored sales, from the background build and the live stream alike, and after a restart', async () => {
    till = await openCardTill({ demo: true, demoProducts: 30, figures: { batch: 97 } });
    await insert(till, SALES.slice(0, 500));
    await till.reopen({ figures: { batch: 97 } });
    await till.must('m', 'auth.login', { username: 'maria', secret: '4321' });
    // Arrivals while the build runs and after it: in random slices, as sync delivers them.
    await insert(till, SALES.slice(500, 650));
    await untilBuilt(till);
    for (let i = 650; i < SALES.length; i += 50) await insert(till, SALES.slice(i, i + 50));
    await expect.poll(() => till!.core.figures.snapshot()).toEqual(buildAggregates(SALES, cal));

    const month = await till.must('m', 'reports.dashboard', { from: DAYS[0]!, to: DAYS.at(-1)! });
    expectDashboard(month, SALES);
    expect(month.preparing).toBeNull();
    expect(month.seriesBy).toBe('day');
    expectDashboard(await till.must('m', 'reports.dashboard', { from: DAYS[5]!, to: DAYS[5]! }), SALES);
    expectDashboard(await till.must('m', 'reports.dashboard', { from: DAYS[2]!, to: DAYS[8]!, terminalId: 'T3' }), SALES);
    expect(month.freshness.find((t) => t.terminalId === 'T2')?.lastSaleAt).toBe(
      SALES.filter((d) => d.terminalId === 'T2').reduce((max, d) => (d.createdAt > max ? d.createdAt : max), ''),
    );

    const before = till.core.figures.snapshot();
    await till.reopen();
    await untilBuilt(till);
    expect(till.core.figures.snapshot()).toEqual(before);
  });

  it('counts this till’s own checkout at once and says when figures moved', async () => {
    till = await openCardTill({ demo: true, demoProducts: 30 });
    await untilBuilt(till);
    await till.must('c', 'auth.login', { username: 'maria', secret: '4321' });
    const [product] = (await till.must('c', 'catalog.search', { query: '', limit: 1 })).items;
    const cart = await till.must('c', 'cart.addProduct', { productId: product!.id });
    const changed = till.core.figures.nextChange();
    const { receipt } = await till.must('c', 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: cart.total }] });
    await changed;
    const today = cal.placeOf(receipt.createdAt).day;
    const view = await till.must('c', 'reports.dashboard', { from: today, to: today });
    expect(view.figures.net).toBe(receipt.total);
    expect(view.topProducts[0]).toMatchObject({ key: product!.id, label: product!.name, net: receipt.total });
    await expect.poll(() => till!.pushes.some((p) => p.message.event === 'reports.changed')).toBe(true);
  });

  it('answers the first command while the figures are still being built', async () => {
    till = await openCardTill({ demo: true, demoProducts: 30 });
    const many = randomSales({ seed: 5, count: 3_000, terminals: ['T7', 'T8'] });
    for (let i = 0; i < many.length; i += 2_000) await insert(till, many.slice(i, i + 2_000));
    await till.reopen({ figures: { batch: 100 } });
    const status = await till.core.dispatch('x', 'auth.status', {});
    expect(status.ok).toBe(true);
    expect(till.core.figures.preparing).not.toBeNull();
    await untilBuilt(till);
    expect(till.core.figures.snapshot()).toEqual(buildAggregates(many, cal));
  });

  it('drills down to the sales behind a figure, a page at a time, and exports them as CSV', async () => {
    till = await openCardTill({ demo: true, demoProducts: 30 });
    await insert(till, SALES);
    await untilBuilt(till);
    await till.must('m', 'auth.login', { username: 'maria', secret: '4321' });
    const from = DAYS[0]!;
    const to = DAYS.at(-1)!;
    const filter = { from, to, clerkId: 'DEMO-U2', method: 'cash' as const };
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page: SalesPage = await till.must('m', 'reports.sales', { filter, limit: 37, ...(after ? { after } : {}) });
      seen.push(...page.items.map((s) => s.number));
      if (!page.next) break;
      after = page.next;
    }
    const expected = SALES.filter((d) => d.clerkId === 'DEMO-U2' && d.tenders.some((t) => t.method === 'cash'))
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
      .map((d) => d.number);
    expect(seen).toEqual(expected);
    const hour = cal.placeOf(SALES[0]!.createdAt).hour;
    const day = dayOf(SALES[0]!);
    const inHour = await till.must('m', 'reports.sales', { filter: { from: day, to: day, hour }, limit: 200 });
    expect(inHour.items.map((s) => s.number).sort()).toEqual(
      SALES.filter((d) => dayOf(d) === day && cal.placeOf(d.createdAt).hour === hour).map((d) => d.number).sort(),
    );
    const receipt = await till.must('m', 'sales.receipt', { number: seen[0]! });
    expect(receipt.number).toBe(seen[0]);

    let csv = '';
    after = undefined;
    for (;;) {
      const chunk: CsvChunk = await till.must('m', 'reports.csv', { range: { from, to }, what: 'lines', ...(after ? { after } : {}) });
      csv += chunk.text;
      if (!chunk.next) break;
      after = chunk.next;
    }
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^receipt,created_at,terminal,clerk,kind,line,/);
    expect(rows).toHaveLength(1 + SALES.reduce((n, d) => n + d.lines.length, 0));
    // Money without floats: the line totals of the file, read back as integers, add up to the documents'.
    const lineTotalAt = rows[0]!.split(',').indexOf('line_total');
    const cents = rows.slice(1).reduce((sum, row) => sum + Number(row.split(',')[lineTotalAt]!.replace('.', '')), 0);
    expect(cents).toBe(SALES.reduce((n, d) => n + d.lines.reduce((s, l) => s + l.lineTotal, 0), 0));
  });
});
