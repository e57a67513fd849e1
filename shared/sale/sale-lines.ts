/** From computed totals to what a SaleDoc stores: the receipt's lines and sums, in the document's shape. */
import type { SaleDoc, SaleLine } from '../model';
import type { SaleTotals } from './totals';

/** `discount` is the line's whole discount: its own plus its share of the sale discount. */
export function toSaleLines(totals: SaleTotals): SaleLine[] {
  return totals.lines.map(({ line, lineDiscount, cartDiscountShare, tax, lineTotal }) => ({
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    unit: line.unit,
    qtyMilli: line.qtyMilli,
    unitPrice: line.unitPrice,
    discount: lineDiscount + cartDiscountShare,
    tax,
    lineTotal,
    taxClass: line.taxClass,
  }));
}

/**
 * The money fields of a SaleDoc. `total` is the sum of the lines, before cash rounding: the rounding is part of how
 * the sale was paid (the payments), not of what was sold.
 */
export function toSaleAmounts(totals: SaleTotals): Pick<SaleDoc, 'currency' | 'lines' | 'subtotal' | 'discountTotal' | 'taxTotal' | 'total'> {
  return {
    currency: totals.currency,
    lines: toSaleLines(totals),
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
  };
}
