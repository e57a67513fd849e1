import { describe, expect, it } from 'vitest';
import { quickCashAmounts, restFor, stillToPay } from './quick-cash';

describe('quickCashAmounts', () => {
  it('offers the exact amount, then the next 5, 10, 20, 50', () => {
    expect(quickCashAmounts(1234, 2)).toEqual([1234, 1500, 2000, 5000, 10_000]);
    expect(quickCashAmounts(387, 2)).toEqual([387, 500, 1000, 2000, 5000]);
  });

  it('skips duplicates and goes above a round total', () => {
    expect(quickCashAmounts(2000, 2)).toEqual([2000, 2500, 3000, 4000, 5000]);
    expect(quickCashAmounts(4999, 2)).toEqual([4999, 5000, 6000, 10_000]);
  });

  it('scales with the currency’s minor digits', () => {
    expect(quickCashAmounts(1234, 0)).toEqual([1234, 1235, 1240, 1250, 1300]);
  });

  it('offers nothing for an empty or broken total', () => {
    expect(quickCashAmounts(0, 2)).toEqual([]);
    expect(quickCashAmounts(12.5, 2)).toEqual([]);
  });
});

describe('stillToPay', () => {
  it('subtracts the tenders entered so far and never goes below zero', () => {
    expect(stillToPay(1000, [])).toBe(1000);
    expect(stillToPay(1000, [300, 200])).toBe(500);
    expect(stillToPay(1000, [1500])).toBe(0);
  });
});

describe('restFor', () => {
  it('fills a card with exactly what is open, and a final cash tender rounded as the till settles it', () => {
    expect(restFor(1708, [500], false, 5)).toBe(1208);
    expect(restFor(1708, [500], true, 5)).toBe(1210);
    expect(restFor(1708, [503], true, 5)).toBe(1205);
    expect(restFor(1708, [500], true, 1)).toBe(1208);
  });
});
