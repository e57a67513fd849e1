/**
 * When a discount needs a manager. A discount needs one when it is more than the clerk's limit as a share of the
 * amount it applies to: a line discount of the line's gross, the sale discount of what the lines come to after
 * their own discounts. Percentages are compared as typed (so 15 % on a 0.03 line is still 15 %, whatever the
 * rounding), amounts exactly in integers. Stacked discounts count too: a 10 % line and a 10 % sale discount take
 * 19 % of that line, so their combined exact value is compared with the limit on the whole subtotal.
 */
import type { Cart, Discount } from './cart';
import { FULL_BP, type SaleSettings } from './settings';
import { computeTotals } from './totals';

const BP = BigInt(FULL_BP);

/** The discount's exact value × 10,000, so percentages need no rounding. */
function scaledValue(discount: Discount | undefined, applied: number, base: number): bigint {
  if (!discount) return 0n;
  return discount.kind === 'percent' ? BigInt(base) * BigInt(discount.bp) : BigInt(applied) * BP;
}

export function discountNeedsOverride(cart: Cart, settings: SaleSettings): boolean {
  const totals = computeTotals(cart, settings);
  const limit = BigInt(settings.clerkDiscountLimitBp);
  const overLimit = (discount: Discount | undefined, applied: number, base: number): boolean =>
    scaledValue(discount, applied, base) > limit * BigInt(base);

  let combined = 0n;
  for (const l of totals.lines) {
    if (overLimit(l.line.discount, l.lineDiscount, l.gross)) return true;
    combined += scaledValue(l.line.discount, l.lineDiscount, l.gross);
  }
  const cartBase = totals.subtotal - (totals.discountTotal - totals.cartDiscount);
  if (overLimit(cart.discount, totals.cartDiscount, cartBase)) return true;
  combined += scaledValue(cart.discount, totals.cartDiscount, cartBase);
  return combined > limit * BigInt(totals.subtotal);
}
