/**
 * The notes and coins a drawer is counted in, per currency, in minor units, largest first. A currency not listed
 * here is counted in a generic series (1-2-5 steps) that fits its number of minor digits.
 */
import { TillError } from '../api/errors';
import { currencyDigits } from '../money/minor-units';
import type { DenominationCount } from '../model';

const TABLE: Record<string, number[]> = {
  EUR: [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  USD: [10_000, 5_000, 2_000, 1_000, 500, 200, 100, 25, 10, 5, 1],
  GBP: [5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  CHF: [100_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5],
  SEK: [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100],
  JPY: [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10, 5, 1],
};

export function denominationsOf(currency: string): number[] {
  const listed = TABLE[currency];
  if (listed) return [...listed];
  const unit = 10 ** currencyDigits(currency);
  const out: number[] = [];
  for (const major of [500, 200, 100, 50, 20, 10, 5, 2, 1]) out.push(major * unit);
  for (const minor of [50, 20, 10, 5, 2, 1]) if (minor < unit) out.push(minor);
  return out;
}

/**
 * The cash a count adds up to. Throws BAD_INPUT (naming it) for a value that is no denomination of the currency;
 * counts of zero are dropped, the rest sorted largest first, so the stored count has one shape.
 */
export function countedTotal(currency: string, counts: readonly DenominationCount[]): { total: number; counts: DenominationCount[] } {
  const allowed = new Set(denominationsOf(currency));
  let total = 0;
  for (const c of counts) {
    if (!allowed.has(c.value)) throw new TillError('BAD_INPUT', `${c.value} is not a note or coin of ${currency}: count the drawer in its denominations.`);
    if (!Number.isSafeInteger(c.count) || c.count < 0) throw new TillError('BAD_INPUT', 'A count is a whole number of pieces.');
    total += c.value * c.count;
  }
  if (!Number.isSafeInteger(total)) throw new TillError('BAD_INPUT', 'That count is too large to be cash in a drawer.');
  return { total, counts: counts.filter((c) => c.count > 0).map((c) => ({ value: c.value, count: c.count })).sort((a, b) => b.value - a.value) };
}
