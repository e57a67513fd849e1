/**
 * Tax on one amount, ROUNDED HALF AWAY FROM ZERO to the minor unit.
 * - Prices include tax: the tax inside `amount` is amount − round(amount × 10000 / (10000 + rate)); rounding the
 *   base (not the tax) keeps base + tax = amount exactly (1.19 at 19 % → 1.00 + 0.19).
 * - Prices exclude tax: tax = round(amount × rate / 10000), added on top.
 */
import { mulDiv } from '../money/round-div';
import { FULL_BP } from './settings';

export function taxIncluded(amount: number, rateBp: number): number {
  return amount - mulDiv(amount, FULL_BP, FULL_BP + rateBp);
}

export function taxOnTop(amount: number, rateBp: number): number {
  return mulDiv(amount, rateBp, FULL_BP);
}

export function taxFor(amount: number, rateBp: number, pricesIncludeTax: boolean): number {
  return pricesIncludeTax ? taxIncluded(amount, rateBp) : taxOnTop(amount, rateBp);
}
