/** Builders shared by the sale tests (not imported by production code). */
import type { Outcome } from '../money/outcome';
import type { Cart, CartLine, Discount } from './cart';
import type { SaleSettings } from './settings';

export function settings(overrides: Partial<SaleSettings> = {}): SaleSettings {
  return {
    currency: 'EUR',
    pricesIncludeTax: true,
    taxRates: { standard: 1900, reduced: 700, zero: 0 },
    taxRounding: 'per-line',
    cashRoundingIncrement: 1,
    clerkDiscountLimitBp: 1500,
    ...overrides,
  };
}

let counter = 0;
export function line(overrides: Partial<CartLine> = {}): CartLine {
  counter += 1;
  return {
    lineId: `L${counter}`,
    productId: `P${counter}`,
    sku: `SKU${counter}`,
    name: `Item ${counter}`,
    unit: 'piece',
    unitPrice: 100,
    qtyMilli: 1000,
    taxClass: 'standard',
    ...overrides,
  };
}

export const cartOf = (lines: CartLine[], discount?: Discount): Cart => (discount ? { lines, discount } : { lines });

export function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`Refused: ${outcome.error.message}`);
  return outcome.value;
}

export function refusal<T>(outcome: Outcome<T>): { code: string; message: string } {
  if (outcome.ok) throw new Error('Expected a refusal');
  return { code: outcome.error.code, message: outcome.error.message };
}

/** Freezes a cart deeply so a test fails if an operation mutates its input. */
export function frozen(cart: Cart): Cart {
  for (const l of cart.lines) Object.freeze(l);
  Object.freeze(cart.lines);
  return Object.freeze(cart);
}
