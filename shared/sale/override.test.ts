import { describe, expect, it } from 'vitest';
import type { Discount } from './cart';
import { discountNeedsOverride } from './override';
import { cartOf, line, settings } from './test-fixtures';

const limit15 = settings({ clerkDiscountLimitBp: 1500 });
const pct = (bp: number): Discount => ({ kind: 'percent', bp });
const amt = (minor: number): Discount => ({ kind: 'amount', minor });

describe('discountNeedsOverride (clerk limit 15 %)', () => {
  it.each([
    ['no discount', cartOf([line({ unitPrice: 1000 })]), false],
    ['line 15 %', cartOf([line({ unitPrice: 1000, discount: pct(1500) })]), false],
    ['line 15.01 %', cartOf([line({ unitPrice: 1000, discount: pct(1501) })]), true],
    ['line 1.50 of 10.00', cartOf([line({ unitPrice: 1000, discount: amt(150) })]), false],
    ['line 1.51 of 10.00', cartOf([line({ unitPrice: 1000, discount: amt(151) })]), true],
    ['sale 15 %', cartOf([line({ unitPrice: 1000 })], pct(1500)), false],
    ['sale 15.01 %', cartOf([line({ unitPrice: 1000 })], pct(1501)), true],
    ['sale 1.50 of 10.00', cartOf([line({ unitPrice: 1000 })], amt(150)), false],
    ['sale 1.51 of 10.00', cartOf([line({ unitPrice: 1000 })], amt(151)), true],
    // 10 % off a line then 10 % off the sale take 19 % of that line: more than 15 % of the subtotal.
    ['line 10 % + sale 10 %', cartOf([line({ unitPrice: 1000, discount: pct(1000) })], pct(1000)), true],
    // 10 % of one line (1.00) + 10 % of 19.00 (1.90) = 2.90 of 20.00 = 14.5 %.
    ['line 10 % of half + sale 10 %', cartOf([line({ unitPrice: 1000, discount: pct(1000) }), line({ unitPrice: 1000 })], pct(1000)), false],
    // The sale discount's base is after line discounts: 1.50 of (10.00 − 1.00) is 16.7 %.
    ['sale 1.50 after a 1.00 line discount', cartOf([line({ unitPrice: 1000, discount: amt(100) })], amt(150)), true],
    // An amount discount capped at a shrunk line is 100 % of it.
    ['capped amount', cartOf([line({ unitPrice: 100, discount: amt(500) })]), true],
  ])('%s → %s', (_name, cart, expected) => {
    expect(discountNeedsOverride(cart, limit15)).toBe(expected);
  });

  it('compares percentages as typed, not as rounded money', () => {
    // 50 % of 0.03 is 0.015 → 0.02, which is 66 % of the line; the clerk typed 50 %, the limit is 50 %.
    expect(discountNeedsOverride(cartOf([line({ unitPrice: 3, discount: pct(5000) })]), settings({ clerkDiscountLimitBp: 5000 }))).toBe(false);
  });

  it('stacked discounts exactly at the limit pass; one basis point or one cent over needs a manager', () => {
    // 10 % + 10 % of the rest is exactly 19 % of the subtotal; each discount alone is within 18.99 %.
    const percents = cartOf([line({ unitPrice: 1000, discount: pct(1000) })], pct(1000));
    expect(discountNeedsOverride(percents, settings({ clerkDiscountLimitBp: 1900 }))).toBe(false);
    expect(discountNeedsOverride(percents, settings({ clerkDiscountLimitBp: 1899 }))).toBe(true);
    // 1.00 off the line and 0.90 off the sale: exactly 1.90 of 10.00; 0.91 off the sale is one cent over.
    const limit19 = settings({ clerkDiscountLimitBp: 1900 });
    expect(discountNeedsOverride(cartOf([line({ unitPrice: 1000, discount: amt(100) })], amt(90)), limit19)).toBe(false);
    expect(discountNeedsOverride(cartOf([line({ unitPrice: 1000, discount: amt(100) })], amt(91)), limit19)).toBe(true);
  });

  it('a zero limit sends any discount to a manager', () => {
    expect(discountNeedsOverride(cartOf([line({ discount: amt(1) })]), settings({ clerkDiscountLimitBp: 0 }))).toBe(true);
    expect(discountNeedsOverride(cartOf([line()]), settings({ clerkDiscountLimitBp: 0 }))).toBe(false);
  });
});
