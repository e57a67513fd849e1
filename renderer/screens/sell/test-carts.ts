/** Cart views for the selling screen's unit tests. */
import type { CartLineView, CartView } from '../../../shared/api/commands/selling-commands';

export function line(lineId: string, qtyMilli = 1000, more: Partial<CartLineView> = {}): CartLineView {
  return {
    lineId,
    productId: `P-${lineId}`,
    sku: `SKU-${lineId}`,
    name: `Product ${lineId}`,
    unit: 'piece',
    unitPrice: 199,
    qtyMilli,
    discount: null,
    gross: 199,
    discountTotal: 0,
    tax: 0,
    lineTotal: 199,
    stockWarning: false,
    ...more,
  };
}

export function cart(lines: CartLineView[], revision = 1): CartView {
  return {
    revision,
    currency: 'EUR',
    lines,
    discount: null,
    subtotal: 0,
    discountTotal: 0,
    taxTotal: 0,
    total: lines.length * 199,
    cashTotal: lines.length * 199,
    taxBreakdown: [],
  };
}
