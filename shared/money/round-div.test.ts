import { describe, expect, it } from 'vitest';
import { mulDiv, roundDiv } from './round-div';

describe('roundDiv: half away from zero', () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [7, 2, 4],
    [4, 10, 0],
    [5, 10, 1],
    [-5, 10, -1],
    [-4, 10, 0],
    [15, 10, 2],
    [14, 10, 1],
    [25, 10, 3],
    [0, 7, 0],
    [333, 1000, 0],
    [500, 1000, 1],
    [499, 1000, 0],
    [5, -2, -3],
    [-5, -2, 3],
    [1190000, 11900, 100],
    [10000, 10700, 1],
  ])('%i / %i → %i', (n, d, expected) => {
    expect(roundDiv(n, d)).toBe(expected);
    expect(roundDiv(BigInt(n), BigInt(d))).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(roundDiv(-4, 10), 0)).toBe(true);
    expect(Object.is(roundDiv(-0, 10), 0)).toBe(true);
  });

  it('is exact where the product passes 2^53 (price × qtyMilli × rate)', () => {
    // 999,999.99 × 1,000,000 units × 19 %: the product 1.9e20 is far beyond a double's 53 bits.
    expect(roundDiv(99_999_999n * 1_000_000_000n * 1_900n, 1000n * 10_000n)).toBe(18_999_999_810_000);
    // …and a product that only rounds right in BigInt: 1.9e20 + 5e6 sits exactly on the half.
    expect(roundDiv(99_999_999n * 1_000_000_000n * 1_900n + 5_000_000n, 10_000_000n)).toBe(18_999_999_810_001);
    expect(mulDiv(999_999_999_999, 1_000_000, 1000)).toBe(999_999_999_999_000);
    // Half: 9,007,199,254,740,991 × 5 / 10 = 4,503,599,627,370,495.5 → away from zero.
    expect(mulDiv(Number.MAX_SAFE_INTEGER, 5, 10)).toBe(4_503_599_627_370_496);
    expect(mulDiv(-Number.MAX_SAFE_INTEGER, 5, 10)).toBe(-4_503_599_627_370_496);
  });

  it('refuses floats, zero denominators and unsafe results', () => {
    expect(() => roundDiv(1.5, 2)).toThrow(RangeError);
    expect(() => roundDiv(1, 0)).toThrow(RangeError);
    expect(() => roundDiv(1n, 0n)).toThrow(RangeError);
    expect(() => roundDiv(Number.NaN, 2)).toThrow(RangeError);
    expect(() => roundDiv(2n ** 60n, 1n)).toThrow(RangeError);
    expect(() => mulDiv(0.1, 3, 1)).toThrow(RangeError);
  });

  it('matches a BigInt reference on many products near and past 2^53', () => {
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 2000; i++) {
      const a = next() * 4096 + (next() % 4096);
      const b = (next() % 20001) - 10000;
      const d = (next() % 99999) + 1;
      const exact = BigInt(a) * BigInt(b);
      const q = exact / BigInt(d);
      const r = exact % BigInt(d);
      const abs = (x: bigint): bigint => (x < 0n ? -x : x);
      const expected = 2n * abs(r) >= BigInt(d) ? q + (exact < 0n ? -1n : 1n) : q;
      expect(mulDiv(a, b, d)).toBe(Number(expected));
    }
  });
});
