/**
 * Discount rules. A percentage becomes money ROUNDED HALF AWAY FROM ZERO (10 % of 0.15 = 1.5 → 0.02). An amount
 * discount is checked against its base when it is given; if the base later shrinks (quantity lowered, a line
 * removed) the discount is CAPPED at the base, so no line or cart ever goes below zero.
 */
import { TillError } from '../api/errors';
import { isMinor } from '../money/minor-units';
import { mulDiv } from '../money/round-div';
import type { Discount } from './cart';
import { FULL_BP } from './settings';

/** Shape check: a percentage 0–100 % in whole bp, or a whole non-negative amount. */
export function assertDiscountShape(discount: Discount): void {
  if (discount.kind === 'percent') {
    if (!Number.isInteger(discount.bp)) throw new TillError('BAD_INPUT', 'A percentage discount goes in steps of 0.01 %.');
    if (discount.bp < 0) throw new TillError('BAD_INPUT', 'A discount cannot be negative.');
    if (discount.bp > FULL_BP) throw new TillError('BAD_INPUT', 'A discount cannot be more than 100 %.');
    return;
  }
  if (discount.kind === 'amount') {
    if (!isMinor(discount.minor)) throw new TillError('BAD_INPUT', 'The discount is not a valid amount.');
    if (discount.minor < 0) throw new TillError('BAD_INPUT', 'A discount cannot be negative.');
    return;
  }
  throw new TillError('BAD_INPUT', 'Unknown kind of discount.');
}

/** Checks a discount a clerk is giving now against the amount it applies to. */
export function assertDiscountFits(discount: Discount, base: number, what: 'line' | 'sale'): void {
  assertDiscountShape(discount);
  if (discount.kind === 'amount' && discount.minor > base) {
    throw new TillError('BAD_INPUT', `The discount is more than the ${what} amount.`);
  }
}

/** The money a discount takes off `base` (≥ 0, ≤ base). */
export function discountAmount(discount: Discount | undefined, base: number): number {
  if (!discount) return 0;
  if (discount.kind === 'percent') return mulDiv(base, discount.bp, FULL_BP);
  return Math.min(discount.minor, base);
}

/** A zero discount is no discount: stored as absent so receipts do not print "0 % off". */
export function isZeroDiscount(discount: Discount): boolean {
  return discount.kind === 'percent' ? discount.bp === 0 : discount.minor === 0;
}
