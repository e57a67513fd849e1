import { describe, expect, it } from 'vitest';
import { lineGross } from './line-gross';
import { cartOf, line, settings } from './test-fixtures';
import { computeTotals } from './totals';

const inclusive = settings();
const exclusive = settings({ pricesIncludeTax: false });

describe('inclusive prices: splitting the tax back out of a gross', () => {
  it('1.19 at 19 % is 1.00 + 0.19', () => {
    const t = computeTotals(cartOf([line({ unitPrice: 119 })]), inclusive);
    expect(t.lines[0]).toMatchObject({ gross: 119, net: 119, tax: 19, lineTotal: 119 });
    expect(t.taxBreakdown).toEqual([{ taxClass: 'standard', rateBp: 1900, base: 100, tax: 19 }]);
    expect(t).toMatchObject({ subtotal: 119, discountTotal: 0, taxTotal: 19, total: 119 });
  });

  it('0.01 at 7 % holds no tax: its base rounds to the whole cent', () => {
    const t = computeTotals(cartOf([line({ unitPrice: 1, taxClass: 'reduced' })]), inclusive);
    expect(t.taxBreakdown).toEqual([{ taxClass: 'reduced', rateBp: 700, base: 1, tax: 0 }]);
    expect(t.total).toBe(1);
  });

  it('exclusive prices add the tax on top', () => {
    const t = computeTotals(cartOf([line({ unitPrice: 100 }), line({ unitPrice: 50 })]), exclusive);
    expect(t.lines.map((l) => [l.tax, l.lineTotal])).toEqual([
      [19, 119],
      [10, 60], // 9.5 → 10, half away from zero
    ]);
    expect(t).toMatchObject({ subtotal: 150, taxTotal: 29, total: 179 });
    expect(t.taxBreakdown).toEqual([{ taxClass: 'standard', rateBp: 1900, base: 150, tax: 29 }]);
  });
});

describe('line gross: price × quantity rounded half away from zero', () => {
  it.each([
    // qtyMilli, unit price, gross
    [333, 100, 33], // 0.333 kg × 1.00 = 0.333 → 0.33
    [999, 100, 100], // 0.999 kg × 1.00 = 0.999 → 1.00
    [333, 150, 50], // 0.4995 → 0.50
    [999, 150, 150], // 1.4985 → 1.50
    [1, 500, 1], // 0.005: exactly half a cent → 0.01
    [1, 499, 0], // 0.00499 → 0.00
    [250, 299, 75], // 0.7475 → 0.75
    [1250, 299, 374], // 3.7375 → 3.74
    [3000, 333, 999],
  ])('%i milli × %i → %i', (qty, price, gross) => {
    expect(lineGross(price, qty)).toBe(gross);
  });

  it('3 × 0.333 kg weighed apart cost a cent less than 0.999 kg at once', () => {
    const kg = { unit: 'kg', unitPrice: 100, qtyMilli: 333 } as const;
    const three = computeTotals(cartOf([line(kg), line(kg), line(kg)]), inclusive);
    const once = computeTotals(cartOf([line({ ...kg, qtyMilli: 999 })]), inclusive);
    expect(three.lines.map((l) => l.gross)).toEqual([33, 33, 33]);
    expect(three.total).toBe(99);
    expect(once.total).toBe(100);
    // Tax inside 0.33 at 19 %: base 0.2773 → 0.28, tax 0.05; three times 0.15. Inside 1.00: 0.16.
    expect(three.taxTotal).toBe(15);
    expect(once.taxTotal).toBe(16);
  });

  it('a 1.00 sale discount over three equal lines is 0.34 + 0.33 + 0.33', () => {
    const t = computeTotals(cartOf([line(), line(), line()], { kind: 'amount', minor: 100 }), inclusive);
    expect(t.lines.map((l) => l.cartDiscountShare)).toEqual([34, 33, 33]);
    expect(t.total).toBe(200);
  });
});

describe('per-line vs per-total tax rounding', () => {
  it('inclusive 19 %: three lines of 0.05 carry 0.03 per line but 0.02 per total', () => {
    const cart = cartOf([line({ unitPrice: 5 }), line({ unitPrice: 5 }), line({ unitPrice: 5 })]);
    const perLine = computeTotals(cart, settings({ taxRounding: 'per-line' }));
    const perTotal = computeTotals(cart, settings({ taxRounding: 'per-total' }));
    // per line: 0.05 − round(0.042) = 0.01 each. per total: 0.15 − round(0.12605) = 0.02, shared [1, 1, 0].
    expect(perLine.lines.map((l) => l.tax)).toEqual([1, 1, 1]);
    expect(perTotal.lines.map((l) => l.tax)).toEqual([1, 1, 0]);
    expect(perLine.taxBreakdown).toEqual([{ taxClass: 'standard', rateBp: 1900, base: 12, tax: 3 }]);
    expect(perTotal.taxBreakdown).toEqual([{ taxClass: 'standard', rateBp: 1900, base: 13, tax: 2 }]);
    expect([perLine.total, perTotal.total]).toEqual([15, 15]);
  });

  it('exclusive 7 %: three lines of 0.10 pay 0.03 tax per line but 0.02 per total', () => {
    const cart = cartOf([1, 2, 3].map(() => line({ unitPrice: 10, taxClass: 'reduced' })));
    const perLine = computeTotals(cart, settings({ pricesIncludeTax: false, taxRounding: 'per-line' }));
    const perTotal = computeTotals(cart, settings({ pricesIncludeTax: false, taxRounding: 'per-total' }));
    expect(perLine).toMatchObject({ taxTotal: 3, total: 33 });
    expect(perTotal).toMatchObject({ taxTotal: 2, total: 32 });
    expect(perTotal.lines.map((l) => l.lineTotal)).toEqual([11, 11, 10]);
  });

  it('per-total works per tax class and lists classes in a fixed order', () => {
    const cart = cartOf([
      line({ unitPrice: 5, taxClass: 'zero' }),
      line({ unitPrice: 10, taxClass: 'reduced' }),
      line({ unitPrice: 5 }),
      line({ unitPrice: 10, taxClass: 'reduced' }),
      line({ unitPrice: 5 }),
    ]);
    const t = computeTotals(cart, settings({ pricesIncludeTax: false, taxRounding: 'per-total' }));
    // standard: round(10 × 0.19 = 1.9) = 2; reduced: round(20 × 0.07 = 1.4) = 1; zero: 0
    expect(t.taxBreakdown).toEqual([
      { taxClass: 'standard', rateBp: 1900, base: 10, tax: 2 },
      { taxClass: 'reduced', rateBp: 700, base: 20, tax: 1 },
      { taxClass: 'zero', rateBp: 0, base: 5, tax: 0 },
    ]);
    expect(t.lines.map((l) => l.tax)).toEqual([0, 1, 1, 0, 1]);
    expect(t.total).toBe(38);
  });
});

describe('discounts in totals', () => {
  it('shares a sale discount by what each line comes to after its own discount', () => {
    const cart = cartOf(
      [line({ unitPrice: 100 }), line({ unitPrice: 200 }), line({ unitPrice: 50, discount: { kind: 'percent', bp: 1000 } })],
      { kind: 'amount', minor: 100 },
    );
    const t = computeTotals(cart, inclusive);
    // weights 100, 200, 45 (sum 345): 28.99, 57.97, 13.04 → floors 28, 57, 13; the 2 left go to the largest remainders.
    expect(t.lines.map((l) => [l.gross, l.lineDiscount, l.cartDiscountShare, l.net])).toEqual([
      [100, 0, 29, 71],
      [200, 0, 58, 142],
      [50, 5, 13, 32],
    ]);
    expect(t).toMatchObject({ subtotal: 350, cartDiscount: 100, discountTotal: 105, total: 245 });
  });

  it('rounds a percentage sale discount once, then shares it', () => {
    const t = computeTotals(cartOf([line({ unitPrice: 15 }), line({ unitPrice: 15 }), line({ unitPrice: 15 })], { kind: 'percent', bp: 1000 }), inclusive);
    // 10 % of 0.45 = 0.045 → 0.05, shared [2, 2, 1]
    expect(t.cartDiscount).toBe(5);
    expect(t.lines.map((l) => l.cartDiscountShare)).toEqual([2, 2, 1]);
  });

  it('caps an amount discount at what is left after lines shrink', () => {
    const shrunk = cartOf([line({ unitPrice: 100, discount: { kind: 'amount', minor: 500 } })], { kind: 'amount', minor: 250 });
    const t = computeTotals(shrunk, inclusive);
    expect(t).toMatchObject({ subtotal: 100, discountTotal: 100, cartDiscount: 0, taxTotal: 0, total: 0 });
    const cartCapped = computeTotals(cartOf([line({ unitPrice: 100 })], { kind: 'amount', minor: 250 }), exclusive);
    expect(cartCapped).toMatchObject({ cartDiscount: 100, total: 0, taxBreakdown: [{ taxClass: 'standard', rateBp: 1900, base: 0, tax: 0 }] });
  });

  it('a 100 % discount leaves a zero sale with zero tax', () => {
    const t = computeTotals(cartOf([line(), line({ taxClass: 'reduced' })], { kind: 'percent', bp: 10_000 }), settings({ taxRounding: 'per-total' }));
    expect(t).toMatchObject({ discountTotal: 200, taxTotal: 0, total: 0, cashTotal: 0 });
  });
});

describe('cash rounding of the total', () => {
  it.each([
    [1232, 1230, -2],
    [1233, 1235, 2],
    [1237, 1235, -2],
    [1238, 1240, 2],
    [1235, 1235, 0],
  ])('total %i → cash %i (delta %i) at 0.05', (price, cash, delta) => {
    const t = computeTotals(cartOf([line({ unitPrice: price })]), settings({ cashRoundingIncrement: 5 }));
    expect(t).toMatchObject({ total: price, cashTotal: cash, cashRoundingDelta: delta, cashRoundingIncrement: 5 });
  });

  it('an empty cart totals zero', () => {
    expect(computeTotals({ lines: [] }, inclusive)).toMatchObject({ lines: [], subtotal: 0, total: 0, taxBreakdown: [], cashTotal: 0 });
  });
});

describe('computeTotals refuses what the operations would have refused', () => {
  it.each([
    [cartOf([line({ qtyMilli: 0 })]), 'The quantity must be more than zero. To take the item off, remove the line.'],
    [cartOf([line({ unitPrice: 0.5 })]), 'has no valid price'],
    [cartOf([line({ lineId: 'same' }), line({ lineId: 'same' })]), 'Two cart lines share one id.'],
    [cartOf([line()], { kind: 'percent', bp: 10_001 }), 'A discount cannot be more than 100 %.'],
  ])('bad cart %#', (cart, message) => {
    expect(() => computeTotals(cart, inclusive)).toThrow(message);
  });

  it.each([
    [{ taxRates: { standard: 10_001, reduced: 700, zero: 0 } }, 'The standard tax rate must be 0–100 %.'],
    [{ taxRates: { standard: 19.5, reduced: 700, zero: 0 } }, 'The standard tax rate must be 0–100 %.'],
    [{ cashRoundingIncrement: 0 }, 'Cash rounding must be 1–100 minor units.'],
    [{ clerkDiscountLimitBp: -1 }, 'The clerk discount limit must be 0–100 %.'],
    [{ taxRounding: 'sometimes' }, 'Tax rounding must be per line or per total.'],
    [{ currency: 'XX' }, 'not a currency code'],
  ])('bad settings %j', (change, message) => {
    expect(() => computeTotals(cartOf([line()]), settings(change as never))).toThrow(message);
  });
});
