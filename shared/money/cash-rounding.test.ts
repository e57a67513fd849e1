import { describe, expect, it } from 'vitest';
import { roundCash } from './cash-rounding';

describe('roundCash', () => {
  it.each([
    // to 0.05: …1, …2 down to …0; …3, …4 up to …5; …6, …7 down to …5; …8, …9 up to …10
    [1230, 1230],
    [1231, 1230],
    [1232, 1230],
    [1233, 1235],
    [1234, 1235],
    [1235, 1235],
    [1236, 1235],
    [1237, 1235],
    [1238, 1240],
    [1239, 1240],
    [2, 0],
    [3, 5],
    [0, 0],
  ])('increment 5: %i → %i', (amount, expected) => {
    expect(roundCash(amount, 5)).toBe(expected);
  });

  it.each([
    [1234, 1230],
    [1235, 1240], // the half goes up
    [1236, 1240],
    [-1235, -1240], // a refund mirrors the sale
    [-1234, -1230],
  ])('increment 10: %i → %i', (amount, expected) => {
    expect(roundCash(amount, 10)).toBe(expected);
  });

  it('increment 100 (whole units) and 1 (none)', () => {
    expect(roundCash(1249, 100)).toBe(1200);
    expect(roundCash(1250, 100)).toBe(1300);
    expect(roundCash(1237, 1)).toBe(1237);
  });

  it('refuses bad increments and amounts', () => {
    expect(() => roundCash(100, 0)).toThrow(RangeError);
    expect(() => roundCash(100, 2.5)).toThrow(RangeError);
    expect(() => roundCash(10.5, 5)).toThrow('not a valid amount');
  });
});
