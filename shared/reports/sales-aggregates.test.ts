import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../catalog/seeded-random';
import type { SaleDoc } from '../model';
import { rangeFigures, type RangeQuery } from './range-figures';
import { applySale, basketItemsMilli, buildAggregates, emptyAggregates } from './sales-aggregates';
import { addDays, daysBetween, localCalendar } from './store-calendar';
import { randomSales } from './test-support/random-sales';

const cal = localCalendar;
const SALES = randomSales({ seed: 11, count: 1_500 });

/** Every figure of a range, summed straight from the documents: the test's own arithmetic, no aggregates. */
function expectedFigures(docs: SaleDoc[], q: RangeQuery) {
  const inRange = docs.filter((d) => {
    const { day } = cal.placeOf(d.createdAt);
    return d.status === 'completed' && day >= q.from && day <= q.to && (q.terminalId === undefined || d.terminalId === q.terminalId);
  });
  const sales = inRange.filter((d) => d.kind === 'sale');
  const returns = inRange.filter((d) => d.kind === 'return');
  const sum = (list: SaleDoc[], f: (d: SaleDoc) => number) => list.reduce((s, d) => s + f(d), 0);
  const signed = (d: SaleDoc) => (d.kind === 'return' ? -1 : 1);
  const group = (key: (d: SaleDoc) => string) => {
    const out: Record<string, { net: number; sales: number; returns: number }> = {};
    for (const d of inRange) {
      const g = (out[key(d)] ??= { net: 0, sales: 0, returns: 0 });
      g.net += signed(d) * d.total;
      if (d.kind === 'sale') g.sales++;
      else g.returns++;
    }
    return out;
  };
  const tax: Record<string, { base: number; tax: number }> = {};
  const tenders: Record<string, { taken: number; refunded: number }> = {};
  const products: Record<string, { qtyMilli: number; net: number }> = {};
  for (const d of inRange) {
    for (const r of d.taxBreakdown) {
      const t = (tax[`${r.taxClass}@${r.rateBp}`] ??= { base: 0, tax: 0 });
      t.base += signed(d) * r.base;
      t.tax += signed(d) * r.tax;
    }
    for (const t of d.tenders) {
      const into = (tenders[t.method] ??= { taken: 0, refunded: 0 });
      if (d.kind === 'sale') into.taken += t.amount;
      else into.refunded += t.amount;
    }
    for (const l of d.lines) {
      const p = (products[l.productId] ??= { qtyMilli: 0, net: 0 });
      p.qtyMilli += signed(d) * l.qtyMilli;
      p.net += signed(d) * l.lineTotal;
    }
  }
  const salesTotal = sum(sales, (d) => d.total);
  const itemsMilli = sum(sales, basketItemsMilli);
  const byTime = group((d) => (q.from === q.to ? String(cal.placeOf(d.createdAt).hour).padStart(2, '0') : cal.placeOf(d.createdAt).day));
  return {
    sales: sales.length,
    returns: returns.length,
    gross: sum(sales, (d) => d.subtotal),
    discounts: sum(sales, (d) => d.discountTotal),
    salesTotal,
    returnsTotal: sum(returns, (d) => d.total),
    net: salesTotal - sum(returns, (d) => d.total),
    itemsMilli,
    averageBasket: sales.length ? Math.round(salesTotal / sales.length) : 0,
    itemsPerBasketMilli: sales.length ? Math.round(itemsMilli / sales.length) : 0,
    tax,
    tenders,
    products,
    terminals: group((d) => d.terminalId),
    clerks: group((d) => d.clerkId),
    byTime,
  };
}

function compare(docs: SaleDoc[], q: RangeQuery) {
  const want = expectedFigures(docs, q);
  const got = rangeFigures(buildAggregates(docs, cal), q);
  expect(got.sales).toBe(want.sales);
  expect(got.returns).toBe(want.returns);
  expect(got.gross).toBe(want.gross);
  expect(got.discounts).toBe(want.discounts);
  expect(got.salesTotal).toBe(want.salesTotal);
  expect(got.returnsTotal).toBe(want.returnsTotal);
  expect(got.net).toBe(want.net);
  expect(got.itemsMilli).toBe(want.itemsMilli);
  expect(got.averageBasket).toBe(want.averageBasket);
  expect(got.itemsPerBasketMilli).toBe(want.itemsPerBasketMilli);
  expect(Object.fromEntries(got.tax.map((t) => [`${t.taxClass}@${t.rateBp}`, { base: t.base, tax: t.tax }]))).toEqual(want.tax);
  expect(Object.fromEntries(got.tenders.map((t) => [t.method, { taken: t.taken, refunded: t.refunded }]))).toEqual(want.tenders);
  expect(Object.fromEntries(got.products.map((p) => [p.productId, { qtyMilli: p.qtyMilli, net: p.net }]))).toEqual(want.products);
  expect(Object.fromEntries(got.terminals.map(({ terminalId, ...p }) => [terminalId, p]))).toEqual(want.terminals);
  expect(Object.fromEntries(got.clerks.map(({ clerkId, ...p }) => [clerkId, p]))).toEqual(want.clerks);
  const series = Object.fromEntries(got.series.filter((p) => p.net !== 0 || p.sales !== 0).map((p) => [p.key, { net: p.net, sales: p.sales }]));
  const expectedSeries = Object.fromEntries(
    Object.entries(want.byTime)
      .filter(([, v]) => v.net !== 0 || v.sales !== 0)
      .map(([k, v]) => [k, { net: v.net, sales: v.sales }]),
  );
  expect(series).toEqual(expectedSeries);
  return got;
}

describe('sales aggregates', () => {
  it('has documents of every kind the figures must handle', () => {
    expect(SALES.some((d) => d.kind === 'return')).toBe(true);
    expect(SALES.some((d) => d.discountTotal > 0)).toBe(true);
    expect(SALES.some((d) => d.tenders.length > 1)).toBe(true);
    expect(SALES.some((d) => d.cashRounding !== 0)).toBe(true);
    expect(SALES.some((d) => !d.pricesIncludeTax)).toBe(true);
    expect(SALES.some((d) => d.status === 'voided')).toBe(true);
    expect(new Set(SALES.flatMap((d) => d.taxBreakdown.map((r) => r.rateBp))).size).toBe(3);
  });

  it('gives every figure of a month, a week, a day and one terminal as the sums of the documents', () => {
    const days = [...new Set(SALES.map((d) => cal.placeOf(d.createdAt).day))].sort();
    const first = days[0]!;
    const last = days.at(-1)!;
    compare(SALES, { from: first, to: last });
    compare(SALES, { from: addDays(first, -3), to: addDays(last, 5) });
    compare(SALES, { from: days[7]!, to: addDays(days[7]!, 6) });
    const oneDay = compare(SALES, { from: days[10]!, to: days[10]! });
    expect(oneDay.seriesBy).toBe('hour');
    expect(oneDay.series).toHaveLength(24);
    compare(SALES, { from: first, to: last, terminalId: 'T2' });
    // Whole months are read from the month cells, the days around them from day cells.
    compare(SALES, { from: '2026-02-15', to: '2026-04-10' });
    compare(SALES, { from: '2026-03-01', to: '2026-03-31', terminalId: 'T1' });
    compare(SALES, { from: days[3]!, to: days[3]!, terminalId: 'T3' });
    const month = rangeFigures(buildAggregates(SALES, cal), { from: first, to: last });
    expect(month.series.map((p) => p.key)).toEqual(daysBetween(first, last));
  });

  it('equals a full rebuild after random interleavings of arrivals, removals and re-arrivals', () => {
    const full = buildAggregates(SALES, cal);
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = createSeededRandom(seed);
      const order = [...SALES].sort(() => random.next() - 0.5);
      const agg = emptyAggregates();
      const held = new Set<SaleDoc>();
      for (const doc of order) {
        applySale(agg, doc, 1, cal);
        held.add(doc);
        // Now and then a document goes and comes back (a correction, a replayed change): order never matters.
        if (random.chance(0.2)) {
          const back = random.pick([...held]);
          applySale(agg, back, -1, cal);
          applySale(agg, back, 1, cal);
        }
      }
      expect(agg).toEqual(full);
    }
  });

  it('comes back to nothing when every document is taken away again', () => {
    const agg = buildAggregates(SALES, cal);
    for (const doc of [...SALES].reverse()) applySale(agg, doc, -1, cal);
    expect(agg.size).toBe(0);
  });

  it('says nothing about an empty range, without dividing by zero', () => {
    const figures = rangeFigures(emptyAggregates(), { from: '2026-01-01', to: '2026-01-01' });
    expect(figures).toMatchObject({ sales: 0, net: 0, averageBasket: 0, itemsPerBasketMilli: 0, products: [] });
    expect(figures.series.every((p) => p.net === 0)).toBe(true);
  });
});
