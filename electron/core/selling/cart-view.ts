/** What the selling screen and the customer display see of the cart: every amount computed here, none on screen. */
import type { CartLineView, CartView, DiscountView } from '../../../shared/api/commands/selling-commands';
import type { Discount, SaleTotals } from '../../../shared/sale';
import type { CartState } from './terminal-cart';

export interface StockCheck {
  warn: boolean;
  onHand(productId: string): number;
}

const discountView = (discount: Discount | undefined): DiscountView | null => (discount ? { ...discount } : null);

/**
 * A line is flagged when stock on hand minus everything of that product in the cart is below zero: selling goes on
 * (the customer holds the item), the clerk is told.
 */
export function toCartView(state: CartState, totals: SaleTotals, stock: StockCheck): CartView {
  const inCart = new Map<string, number>();
  for (const line of state.cart.lines) inCart.set(line.productId, (inCart.get(line.productId) ?? 0) + line.qtyMilli);
  const lines: CartLineView[] = totals.lines.map((t) => ({
    lineId: t.line.lineId,
    productId: t.line.productId,
    sku: t.line.sku,
    name: t.line.name,
    unit: t.line.unit,
    unitPrice: t.line.unitPrice,
    qtyMilli: t.line.qtyMilli,
    discount: discountView(t.line.discount),
    gross: t.gross,
    discountTotal: t.lineDiscount + t.cartDiscountShare,
    tax: t.tax,
    lineTotal: t.lineTotal,
    stockWarning: stock.warn && stock.onHand(t.line.productId) - (inCart.get(t.line.productId) ?? 0) < 0,
  }));
  return {
    revision: state.revision,
    currency: totals.currency,
    lines,
    discount: discountView(state.cart.discount),
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
    cashTotal: totals.cashTotal,
    taxBreakdown: totals.taxBreakdown.map((row) => ({ ...row })),
  };
}
