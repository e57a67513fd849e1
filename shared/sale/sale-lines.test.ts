import { describe, expect, it } from 'vitest';
import { toSaleAmounts, toSaleLines } from './sale-lines';
import { cartOf, line, settings } from './test-fixtures';
import { computeTotals } from './totals';

describe('toSaleLines / toSaleAmounts', () => {
  it('maps totals into SaleDoc lines whose sums match the sale', () => {
    const cart = cartOf(
      [
        line({ productId: 'milk', sku: 'M1', name: 'Milk', unitPrice: 129, qtyMilli: 2000, taxClass: 'reduced', discount: { kind: 'amount', minor: 18 } }),
        line({ productId: 'apples', sku: 'A1', name: 'Apples', unit: 'kg', unitPrice: 299, qtyMilli: 1250, taxClass: 'reduced' }),
      ],
      { kind: 'amount', minor: 100 },
    );
    const totals = computeTotals(cart, settings());
    const lines = toSaleLines(totals);
    // Gross 2.58 and 3.74 (3.7375 rounded); after the line discount 2.40 and 3.74. The 1.00 sale discount by
    // largest remainder: 39.09 → 39 and 60.91 → 61. Tax inside 2.01 and 3.13 at 7 %: 0.13 and 0.20.
    expect(lines).toEqual([
      { productId: 'milk', sku: 'M1', name: 'Milk', unit: 'piece', qtyMilli: 2000, unitPrice: 129, discount: 18 + 39, tax: 13, lineTotal: 201, taxClass: 'reduced' },
      { productId: 'apples', sku: 'A1', name: 'Apples', unit: 'kg', qtyMilli: 1250, unitPrice: 299, discount: 61, tax: 20, lineTotal: 313, taxClass: 'reduced' },
    ]);
    const amounts = toSaleAmounts(totals);
    expect(amounts).toEqual({ currency: 'EUR', lines, subtotal: 632, discountTotal: 118, taxTotal: 33, total: 514 });
    expect(lines.reduce((s, l) => s + l.lineTotal, 0)).toBe(amounts.total);
    expect(lines.reduce((s, l) => s + l.discount, 0)).toBe(amounts.discountTotal);
  });
});
