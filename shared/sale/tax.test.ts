import { describe, expect, it } from 'vitest';
import { taxIncluded, taxOnTop } from './tax';

describe('tax on one amount (half away from zero)', () => {
  it.each([
    // gross, rate bp, tax inside: base = round(gross × 10000 / (10000 + rate))
    [119, 1900, 19], // 1.19 → 1.00 + 0.19
    [1, 700, 0], // 0.01 at 7 %: base 0.9346 → 0.01, so no tax fits inside one cent
    [1, 1900, 0],
    [8, 700, 1], // base 7.476 → 7
    [107, 700, 7],
    [100, 1900, 16], // base 84.03 → 84
    [5, 1900, 1], // base 4.20 → 4
    [15, 1900, 2], // base 12.605 → 13
    [0, 1900, 0],
    [999, 0, 0],
    [200, 10_000, 100], // 100 %: half of it
    [-119, 1900, -19], // a refund mirrors the sale
  ])('inclusive: %i at %i bp holds %i tax', (gross, rate, tax) => {
    expect(taxIncluded(gross, rate)).toBe(tax);
  });

  it.each([
    // net, rate bp, tax = round(net × rate / 10000)
    [100, 1900, 19],
    [1, 700, 0], // 0.07 → 0
    [8, 700, 1], // 0.56 → 1
    [50, 1900, 10], // 9.5 → 10: the half goes away from zero
    [10, 700, 1], // 0.7 → 1
    [30, 700, 2], // 2.1 → 2
    [0, 700, 0],
  ])('exclusive: %i at %i bp adds %i tax', (net, rate, tax) => {
    expect(taxOnTop(net, rate)).toBe(tax);
  });

  it('is exact for line amounts where net × 10000 passes 2^53', () => {
    expect(taxIncluded(1_000_000_000_000, 1900)).toBe(159_663_865_546);
    expect(taxOnTop(1_000_000_000_000, 1900)).toBe(190_000_000_000);
  });
});
