/**
 * The cart being rung up: plain immutable data. Operations in cart-ops.ts return a new cart; computeTotals derives
 * every amount from it, so a cart never stores a total that could drift from its lines.
 */
import type { ProductUnit, TaxClass } from '../model';

export type Discount = { kind: 'percent'; bp: number } | { kind: 'amount'; minor: number };

export interface CartLine {
  /** Made by the caller (e.g. shared/ids.ts): keeps this module free of randomness. */
  readonly lineId: string;
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly unit: ProductUnit;
  /** Minor units per piece or per kg. */
  readonly unitPrice: number;
  /** Thousandths of the unit: 1 piece = 1000, 0.250 kg = 250. */
  readonly qtyMilli: number;
  readonly taxClass: TaxClass;
  readonly discount?: Discount;
}

export interface Cart {
  readonly lines: readonly CartLine[];
  readonly discount?: Discount;
}

export type NewCartLine = Omit<CartLine, 'discount'>;

export const emptyCart = (): Cart => ({ lines: [] });

/**
 * Limits that keep every sum a safe integer (2,000 lines × 10^12 × 2 for 100 % tax < 2^53) and catch fat fingers.
 * No real basket comes near them.
 */
export const MAX_QTY_MILLI = 1_000_000 * 1000;
export const MAX_LINE_AMOUNT = 10 ** 12;
export const MAX_CART_LINES = 2_000;
