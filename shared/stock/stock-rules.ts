/**
 * The rules of a manager's stock change, in one place: how an adjustment's reason becomes a signed movement, which
 * quantities are allowed (pieces whole, weighed goods to the gram), and what a stocktake's difference is worth.
 * Quantities are integer thousandths of the unit; values integer minor units.
 */
import { TillError } from '../api/errors';
import { mulDiv } from '../money/round-div';
import type { ProductUnit, StockReason } from '../model';
import { MAX_QTY_MILLI } from '../sale/cart';

/** What a manager may say about stock: goods came in, goods were damaged or lost, or the shelf was counted. */
export const ADJUST_REASONS = ['received', 'damaged', 'counted'] as const;
export type AdjustReason = (typeof ADJUST_REASONS)[number];

export interface MovementPlan {
  reason: StockReason;
  /** Signed: positive adds to stock. Never 0. */
  qtyMilli: number;
}

const bad = (message: string): never => {
  throw new TillError('BAD_INPUT', message);
};

/** A counted or moved quantity: an integer of thousandths, pieces whole, at most 1,000,000 units; 0 only for a count. */
export function assertStockQuantity(unit: ProductUnit, qtyMilli: number, allowZero: boolean): void {
  if (!Number.isSafeInteger(qtyMilli)) bad(unit === 'kg' ? 'Weigh to the gram at most (0.001 kg).' : 'Pieces are counted whole: 1, 2, 3 …');
  if (qtyMilli < 0) bad('The quantity cannot be negative.');
  if (qtyMilli === 0 && !allowZero) bad('The quantity must be more than zero.');
  if (qtyMilli > MAX_QTY_MILLI) bad('The quantity is too large: at most 1,000,000.');
  if (unit === 'piece' && qtyMilli % 1000 !== 0) bad('Pieces are counted whole: 1, 2, 3 …');
}

/**
 * received n → +n (`receipt`); damaged n → −n (`damaged`); counted n → n − on hand (`count`). A count that matches
 * what is on hand moves nothing and is refused, so every movement means something.
 */
export function planAdjustment(reason: AdjustReason, unit: ProductUnit, qtyMilli: number, onHandMilli: number): MovementPlan {
  assertStockQuantity(unit, qtyMilli, reason === 'counted');
  if (reason === 'received') return { reason: 'receipt', qtyMilli };
  if (reason === 'damaged') return { reason: 'damaged', qtyMilli: -qtyMilli };
  const difference = qtyMilli - onHandMilli;
  if (difference === 0) bad('The count matches what is on hand: nothing to change.');
  return { reason: 'count', qtyMilli: difference };
}

/** A quantity's value at the product's selling price (per piece or per kg), rounded half away from zero. */
export function valueAtPrice(price: number, qtyMilli: number): number {
  return mulDiv(price, qtyMilli, 1000);
}

/** Low stock: a minimum is set (0 means none) and on hand is below it. */
export function isLowStock(onHandMilli: number, minStockMilli: number): boolean {
  return minStockMilli > 0 && onHandMilli < minStockMilli;
}
