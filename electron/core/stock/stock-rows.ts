/** On hand per product as the back office lists it: the catalog index for names and minimums, the ledger for totals. */
import type { StockPage, StockRowView } from '../../../shared/api/commands/stock-commands';
import { TillError } from '../../../shared/api/errors';
import { isLowStock } from '../../../shared/stock/stock-rules';
import type { IndexedProduct } from '../selling/catalog-index';
import type { SellingContext } from '../selling/selling-context';

export function stockRow(s: SellingContext, found: IndexedProduct): StockRowView {
  const p = found.product;
  const onHandMilli = s.stock.onHand(p.id);
  return {
    productId: p.id,
    sku: p.sku,
    name: p.name,
    categoryId: p.categoryId,
    unit: p.unit,
    price: p.price,
    currency: p.currency,
    onHandMilli,
    minStockMilli: found.minStockMilli,
    low: isLowStock(onHandMilli, found.minStockMilli),
  };
}

/** An active product by id; an unknown one is NOT_FOUND, an archived one is refused (it is neither sold nor counted). */
export function activeProduct(s: SellingContext, productId: string): IndexedProduct {
  const found = s.catalog.get(productId);
  if (!found) throw new TillError('NOT_FOUND', `No product with id ${productId}.`);
  if (!found.active) throw new TillError('BAD_INPUT', `${found.product.name} is archived: make it active again before changing its stock.`);
  return found;
}

export function listStock(s: SellingContext, input: { query: string; categoryId?: string | undefined; limit: number; offset?: number | undefined }): StockPage {
  const result = s.catalog.search({ query: input.query, categoryId: input.categoryId, limit: input.limit, offset: input.offset });
  return { total: result.total, items: result.items.map((p) => stockRow(s, s.catalog.get(p.id)!)) };
}

/** Active products below their minimum, the furthest below it (relative to the minimum) first, then by name. */
export function lowStock(s: SellingContext, input: { limit: number; offset?: number | undefined }): StockPage {
  const low: StockRowView[] = [];
  for (const found of s.catalog.all()) {
    if (!found.active || found.minStockMilli <= 0) continue;
    const row = stockRow(s, found);
    if (row.low) low.push(row);
  }
  // Compared as onHand/min by cross-multiplying (both below 2^31 · 10^3), so no float decides the order.
  low.sort((a, b) => a.onHandMilli * b.minStockMilli - b.onHandMilli * a.minStockMilli || a.name.localeCompare(b.name));
  const offset = input.offset ?? 0;
  return { total: low.length, items: low.slice(offset, offset + input.limit) };
}
