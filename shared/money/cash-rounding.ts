/**
 * Cash rounding for currencies whose smallest coins are gone (CHF 0.05, SEK/NOK whole units): the amount is moved
 * to the NEAREST multiple of the increment; an exact half goes AWAY FROM ZERO (with increment 10, …5 → …10), which
 * for a sale is "half up". Odd increments such as 5 never meet a half: …1, …2 → …0; …3, …4 → …5.
 */
import { assertMinor } from './minor-units';
import { roundDiv } from './round-div';

export function roundCash(amount: number, increment: number): number {
  assertMinor(amount, 'Amount', { allowNegative: true });
  if (!Number.isSafeInteger(increment) || increment < 1) {
    throw new RangeError(`Cash rounding increment must be a whole number ≥ 1, got ${increment}`);
  }
  if (increment === 1) return amount;
  return roundDiv(amount, increment) * increment;
}
