/**
 * Property checks over many seeded random carts and settings: whatever the clerk does, every amount is a whole
 * number, nothing is negative, and the sums agree with each other. A failure prints the seed to replay it.
 */
import { describe, expect, it } from 'vitest';
import { createSeededRandom, type SeededRandom } from '../catalog/seeded-random';
import { TAX_CLASSES } from '../model';
import type { Cart, CartLine, Discount } from './cart';
import { addLine, removeLine, setCartDiscount, setLineDiscount, setQuantity } from './cart-ops';
import type { SaleSettings } from './settings';
import { taxFor } from './tax';
import { settleTenders, type Tender } from './tenders';
import { computeTotals, type SaleTotals } from './totals';

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

function randomSettings(r: SeededRandom): SaleSettings {
  const rate = (): number => (r.chance(0.5) ? r.pick([0, 500, 700, 1900, 2000, 2500]) : r.between(0, 10_000));
  return {
    currency: r.pick(['EUR', 'CHF', 'JPY', 'KWD']),
    pricesIncludeTax: r.chance(0.5),
    taxRates: { standard: rate(), reduced: rate(), zero: r.chance(0.8) ? 0 : rate() },
    taxRounding: r.pick(['per-line', 'per-total'] as const),
    cashRoundingIncrement: r.pick([1, 5, 10, 100]),
    clerkDiscountLimitBp: r.between(0, 10_000),
  };
}

function randomDiscount(r: SeededRandom, base: number): Discount | undefined {
  if (r.chance(0.6)) return undefined;
  if (r.chance(0.5)) return { kind: 'percent', bp: r.pick([r.between(1, 10_000), 10_000, 1, 3333]) };
  // Sometimes above the base: a parked cart whose lines shrank after the discount was given.
  return { kind: 'amount', minor: r.between(0, Math.max(1, Math.floor(base * 1.2))) };
}

function randomLine(r: SeededRandom, index: number): CartLine {
  const unit = r.chance(0.7) ? 'piece' : 'kg';
  const unitPrice = r.chance(0.05) ? r.between(0, 10) : r.between(0, r.chance(0.1) ? 5_000_000 : 20_000);
  const qtyMilli = unit === 'piece' ? 1000 * r.between(1, r.chance(0.05) ? 1000 : 12) : r.between(1, 5000);
  const line: CartLine = { lineId: `L${index}`, productId: `P${r.int(30)}`, sku: `S${index}`, name: `Item ${index}`, unit, unitPrice, qtyMilli, taxClass: r.pick(TAX_CLASSES) };
  const discount = randomDiscount(r, Math.round((unitPrice * qtyMilli) / 1000));
  return discount ? { ...line, discount } : line;
}

function randomCart(r: SeededRandom): Cart {
  const lines = Array.from({ length: r.between(0, 40) }, (_, i) => randomLine(r, i));
  const discount = randomDiscount(r, 50_000);
  return discount ? { lines, discount } : { lines };
}

/** Every number anywhere in the totals is a safe integer. */
function allIntegers(value: unknown, path = 'totals'): string[] {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => allIntegers(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => allIntegers(v, `${path}.${k}`));
  return [];
}

function checkInvariants(t: SaleTotals, s: SaleSettings): void {
  expect(allIntegers(t)).toEqual([]);
  expect(sum(t.lines.map((l) => l.lineTotal))).toBe(t.total);
  expect(sum(t.lines.map((l) => l.tax))).toBe(t.taxTotal);
  expect(sum(t.taxBreakdown.map((row) => row.tax))).toBe(t.taxTotal);
  expect(sum(t.taxBreakdown.map((row) => row.base + row.tax))).toBe(t.total);
  expect(sum(t.lines.map((l) => l.gross))).toBe(t.subtotal);
  expect(sum(t.lines.map((l) => l.lineDiscount + l.cartDiscountShare))).toBe(t.discountTotal);
  expect(sum(t.lines.map((l) => l.cartDiscountShare))).toBe(t.cartDiscount);
  expect(t.subtotal - t.discountTotal + (s.pricesIncludeTax ? 0 : t.taxTotal)).toBe(t.total);
  expect(t.total).toBeGreaterThanOrEqual(0);
  for (const l of t.lines) {
    expect(l.net).toBe(l.gross - l.lineDiscount - l.cartDiscountShare);
    expect(Math.min(l.net, l.tax, l.lineDiscount, l.cartDiscountShare)).toBeGreaterThanOrEqual(0);
    if (s.pricesIncludeTax) expect(l.tax).toBeLessThanOrEqual(l.net);
    if (s.taxRounding === 'per-line') expect(l.tax).toBe(taxFor(l.net, l.rateBp, s.pricesIncludeTax));
  }
  if (s.taxRounding === 'per-total') {
    for (const row of t.taxBreakdown) {
      const nets = sum(t.lines.filter((l) => l.line.taxClass === row.taxClass).map((l) => l.net));
      expect(row.tax).toBe(taxFor(nets, row.rateBp, s.pricesIncludeTax));
    }
  }
  expect(t.cashTotal % s.cashRoundingIncrement).toBe(0);
  expect(Math.abs(t.cashRoundingDelta) * 2).toBeLessThanOrEqual(s.cashRoundingIncrement);
}

describe('random carts (seeded)', () => {
  it('keep every total whole, non-negative and consistent', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = createSeededRandom(seed);
      const settings = randomSettings(r);
      const cart = randomCart(r);
      try {
        checkInvariants(computeTotals(cart, settings), settings);
      } catch (error) {
        throw new Error(`seed ${seed}: ${String(error)}`);
      }
    }
  });

  it('settle with any card/cash split, and change only ever comes from cash', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = createSeededRandom(seed);
      const settings = randomSettings(r);
      const totals = computeTotals(randomCart(r), settings);
      if (totals.total === 0) continue;
      const cardPart = r.between(0, totals.total);
      const tenders: Tender[] = cardPart > 0 ? [{ method: 'card', amount: cardPart }] : [];
      const cashDue = totals.total - cardPart;
      const extra = r.between(0, 5000);
      tenders.push({ method: 'cash', amount: cashDue + settings.cashRoundingIncrement + extra });
      const outcome = settleTenders(totals, tenders);
      if (!outcome.ok) throw new Error(`seed ${seed}: ${outcome.error.message}`);
      const { payments, changeDue, cashRoundingDelta } = outcome.value;
      expect(sum(payments.map((p) => p.amount))).toBe(totals.total + cashRoundingDelta);
      expect(sum(payments.map((p) => p.tendered - p.amount))).toBe(changeDue);
      for (const p of payments) if (p.method === 'card') expect(p.tendered).toBe(p.amount);
      expect(changeDue).toBeGreaterThanOrEqual(0);
      expect(allIntegers(outcome.value)).toEqual([]);
      // Cash short of the rounded rest is always refused.
      const short = settleTenders(totals, [...tenders.slice(0, -1), { method: 'cash', amount: Math.max(1, cashDue - settings.cashRoundingIncrement) }]);
      if (cashDue > settings.cashRoundingIncrement) expect(short.ok).toBe(false);
    }
  });

  it('random clerk actions either apply or are refused with a message, never crash', () => {
    const junk = [0, -1000, Number.NaN, Infinity, 1e12, 1500, 0.5, 2 ** 60];
    for (let seed = 1; seed <= 100; seed++) {
      const r = createSeededRandom(seed * 7919);
      const settings = randomSettings(r);
      let cart: Cart = { lines: [] };
      for (let step = 0; step < 60; step++) {
        const target = cart.lines.length > 0 && r.chance(0.9) ? r.pick(cart.lines).lineId : 'missing';
        const qty = r.chance(0.2) ? r.pick(junk) : 1000 * r.between(1, 5);
        const discount = randomDiscount(r, 2000) ?? null;
        const action = r.int(6);
        const outcome =
          action <= 1 ? addLine(cart, randomLine(r, step))
          : action === 2 ? setQuantity(cart, target, qty)
          : action === 3 ? removeLine(cart, target)
          : action === 4 ? setLineDiscount(cart, target, discount)
          : setCartDiscount(cart, discount);
        if (outcome.ok) cart = outcome.value;
        else expect(['BAD_INPUT', 'NOT_FOUND']).toContain(outcome.error.code);
        checkInvariants(computeTotals(cart, settings), settings);
      }
    }
  });
});

describe('a 1,000-line cart', () => {
  it('is built through the operations, totals consistently and fast', () => {
    const r = createSeededRandom(2024);
    let cart: Cart = { lines: [] };
    for (let i = 0; i < 1000; i++) {
      const weighed = i % 4 === 0;
      const outcome = addLine(cart, {
        lineId: `L${i}`,
        productId: `P${i}`,
        sku: `S${i}`,
        name: `Item ${i}`,
        unit: weighed ? 'kg' : 'piece',
        unitPrice: r.between(1, 20_000),
        qtyMilli: weighed ? r.between(1, 3000) : 1000 * r.between(1, 6),
        taxClass: r.pick(TAX_CLASSES),
      });
      if (!outcome.ok) throw outcome.error;
      cart = outcome.value;
      if (i % 10 === 0) {
        const discounted = setLineDiscount(cart, `L${i}`, { kind: 'percent', bp: 1250 });
        if (!discounted.ok) throw discounted.error;
        cart = discounted.value;
      }
    }
    const withSale = setCartDiscount(cart, { kind: 'amount', minor: 12_345 });
    if (!withSale.ok) throw withSale.error;
    cart = withSale.value;
    expect(cart.lines).toHaveLength(1000);

    for (const taxRounding of ['per-line', 'per-total'] as const) {
      for (const pricesIncludeTax of [true, false]) {
        const settings: SaleSettings = { currency: 'EUR', pricesIncludeTax, taxRates: { standard: 1900, reduced: 700, zero: 0 }, taxRounding, cashRoundingIncrement: 5, clerkDiscountLimitBp: 1500 };
        computeTotals(cart, settings); // warm-up
        const started = performance.now();
        const totals = computeTotals(cart, settings);
        const elapsed = performance.now() - started;
        checkInvariants(totals, settings);
        expect(totals.cartDiscount).toBe(12_345);
        // A few ms here; the bound leaves room for a slow CI machine.
        expect(elapsed).toBeLessThan(100);
      }
    }
  });
});
