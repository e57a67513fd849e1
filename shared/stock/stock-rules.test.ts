import { describe, expect, it } from 'vitest';
import { TillError } from '../api/errors';
import { MAX_QTY_MILLI } from '../sale/cart';
import { isLowStock, planAdjustment, valueAtPrice } from './stock-rules';

const refused = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof TillError ? `${error.code}: ${error.message}` : String(error);
  }
  return 'accepted';
};

describe('stock adjustments', () => {
  it('turns each reason into a signed movement: received adds, damaged takes away, counted sets', () => {
    expect(planAdjustment('received', 'piece', 12_000, -3000)).toEqual({ reason: 'receipt', qtyMilli: 12_000 });
    expect(planAdjustment('damaged', 'kg', 250, 5000)).toEqual({ reason: 'damaged', qtyMilli: -250 });
    expect(planAdjustment('counted', 'piece', 7000, 10_000)).toEqual({ reason: 'count', qtyMilli: -3000 });
    expect(planAdjustment('counted', 'piece', 0, -2000)).toEqual({ reason: 'count', qtyMilli: 2000 });
  });

  it('refuses zero, negative, fractional thousandths, part pieces, too much, and a count that changes nothing', () => {
    expect(refused(() => planAdjustment('received', 'piece', 0, 0))).toMatch(/BAD_INPUT: .*more than zero/);
    expect(refused(() => planAdjustment('damaged', 'kg', -5, 0))).toMatch(/negative/);
    expect(refused(() => planAdjustment('received', 'kg', 0.5, 0))).toMatch(/to the gram/);
    expect(refused(() => planAdjustment('received', 'piece', 1500, 0))).toMatch(/whole/);
    expect(refused(() => planAdjustment('counted', 'piece', 2_000_000_000, 0))).toMatch(/too large/);
    expect(refused(() => planAdjustment('counted', 'kg', 4250, 4250))).toMatch(/nothing to change/);
  });

  it('takes exactly the largest quantity (1,000,000 units), not a gram or a piece more', () => {
    expect(planAdjustment('received', 'kg', MAX_QTY_MILLI, 0)).toEqual({ reason: 'receipt', qtyMilli: MAX_QTY_MILLI });
    expect(planAdjustment('counted', 'piece', MAX_QTY_MILLI, 0)).toEqual({ reason: 'count', qtyMilli: MAX_QTY_MILLI });
    expect(refused(() => planAdjustment('received', 'kg', MAX_QTY_MILLI + 1, 0))).toMatch(/too large/);
    expect(refused(() => planAdjustment('damaged', 'piece', MAX_QTY_MILLI + 1000, 0))).toMatch(/too large/);
  });
});

describe('stock values and minimums', () => {
  it('values a quantity at its price per piece or per kg, half away from zero', () => {
    expect(valueAtPrice(1299, -3000)).toBe(-3897);
    expect(valueAtPrice(299, 333)).toBe(100); // 99.567 → 100
    expect(valueAtPrice(100, -5)).toBe(-1); // -0.5 → -1
  });

  it('is low only below a minimum that is set', () => {
    expect(isLowStock(4000, 5000)).toBe(true);
    expect(isLowStock(4999, 5000)).toBe(true);
    expect(isLowStock(5000, 5000)).toBe(false);
    expect(isLowStock(-1000, 0)).toBe(false);
  });
});
