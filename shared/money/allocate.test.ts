import { describe, expect, it } from 'vitest';
import { allocate } from './allocate';

const total = (parts: number[]): number => parts.reduce((a, b) => a + b, 0);

describe('allocate: largest remainder', () => {
  it.each([
    // total, weights, parts
    [100, [1, 1, 1], [34, 33, 33]], // equal remainders: the earliest part gets the extra unit
    [200, [1, 1, 1], [67, 67, 66]],
    [10, [3, 7], [3, 7]],
    [10, [1, 2, 3, 4], [1, 2, 3, 4]],
    [5, [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0]],
    [1, [0, 5, 5], [0, 1, 0]],
    [7, [0, 0, 3], [0, 0, 7]],
    [0, [0, 0], [0, 0]],
    [0, [], []],
    [100, [50, 33, 17], [50, 33, 17]],
    [10, [333, 333, 334], [3, 3, 4]],
    [-100, [1, 1, 1], [-34, -33, -33]],
  ])('%i over %j → %j', (amount, weights, expected) => {
    const parts = allocate(amount, weights);
    expect(parts).toEqual(expected);
    expect(total(parts)).toBe(amount);
  });

  it('gives the leftover to the largest remainder, not the largest weight', () => {
    // 10 × [1, 18, 1] / 20 = [0.5, 9, 0.5]; 10 × [2, 9, 9]/20 = [1, 4.5, 4.5]
    expect(allocate(10, [1, 18, 1])).toEqual([1, 9, 0]);
    expect(allocate(10, [2, 9, 9])).toEqual([1, 5, 4]);
    expect(allocate(3, [10, 45, 45])).toEqual([0, 2, 1]);
  });

  it('stays exact with huge totals and weights', () => {
    const parts = allocate(9_000_000_000_000_000, [Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER]);
    expect(total(parts)).toBe(9_000_000_000_000_000);
    expect(parts[1]).toBe(0);
  });

  it('never gives a part more than its share rounded up', () => {
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 500; i++) {
      const weights = Array.from({ length: 1 + next(20) }, () => next(10_000));
      weights[0] = weights[0]! + 1;
      const amount = next(100_000);
      const parts = allocate(amount, weights);
      const sum = weights.reduce((a, b) => a + b, 0);
      expect(total(parts)).toBe(amount);
      parts.forEach((part, k) => {
        const exact = (amount * weights[k]!) / sum;
        expect(part).toBeGreaterThanOrEqual(Math.floor(exact));
        expect(part).toBeLessThanOrEqual(Math.ceil(exact));
      });
    }
  });

  it('refuses what cannot be split', () => {
    expect(() => allocate(5, [0, 0])).toThrow(RangeError);
    expect(() => allocate(5, [])).toThrow(RangeError);
    expect(() => allocate(5, [1, -1, 3])).toThrow(RangeError);
    expect(() => allocate(5, [1.5])).toThrow(RangeError);
    expect(() => allocate(5.5, [1])).toThrow('not a valid amount');
  });
});
