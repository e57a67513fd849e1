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

/** Orders by on hand ÷ minimum, cross-multiplied in BigInt so neither a float nor an overflow decides the order. */
function shareOfMinimum(a: StockRowView, b: StockRowView): number {
  const left = BigInt(a.onHandMilli) * BigInt(b.minStockMilli);
  const right = BigInt(b.onHandMilli) * BigInt(a.minStockMilli);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Active products below their minimum, the furthest below it (relative to the minimum) first, then by name. */
export function lowStock(s: SellingContext, input: { limit: number; offset?: number | undefined }): StockPage {
  const low: StockRowView[] = [];
  for (const found of s.catalog.all()) {
    if (!found.active || found.minStockMilli <= 0) continue;
    const row = stockRow(s, found);
    if (row.low) low.push(row);
  }
  low.sort((a, b) => shareOfMinimum(a, b) || a.name.localeCompare(b.name));
  const offset = input.offset ?? 0;
  return { total: low.length, items: low.slice(offset, offset + input.limit) };
}
