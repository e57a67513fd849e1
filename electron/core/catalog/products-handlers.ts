/** The back office's product and category commands: reads from the catalog index and store, writes through the book. */
import type { CategoryDetail, ProductDetail, ProductRow } from '../../../shared/api/commands/products-commands';
import { TillError } from '../../../shared/api/errors';
import type { CategoryDoc, ProductDoc } from '../../../shared/model';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import type { IndexedProduct } from '../selling/catalog-index';
import type { ProductBook } from './product-book';

type ProductsCommands = 'products.list' | 'products.get' | 'products.save' | 'products.archive' | 'products.restore' | 'categories.save' | 'categories.reorder';

export function createProductsHandlers(book: ProductBook): HandlerMap<ProductsCommands> {
  return {
    'products.list': async (input) => {
      const page = book.catalog.list({ query: input.query, categoryId: input.categoryId, status: input.status, offset: input.offset, limit: input.limit });
      return { total: page.total, items: page.items.map(toRow) };
    },
    'products.get': async (input) => {
      const doc = await book.get(input.id);
      if (!doc) throw new TillError('NOT_FOUND', `No product ${input.id}.`);
      return toDetail(doc);
    },
    'products.save': async (input, call) => toDetail(await book.save(input, sessionOf(call).user.id)),
    'products.archive': async (input, call) => toDetail(await book.archive(input.id, sessionOf(call).user.id)),
    'products.restore': async (input, call) => toDetail(await book.restore(input.id, sessionOf(call).user.id)),
    'categories.save': async (input, call) => toCategory(await book.saveCategory(input, sessionOf(call).user.id)),
    'categories.reorder': async (input, call) => (await book.reorderCategories(input.ids, sessionOf(call).user.id)).map(toCategory),
  };
}

function toRow({ product, active, quickKey }: IndexedProduct): ProductRow {
  const { id, sku, barcode, name, categoryId, price, currency, unit, taxClass } = product;
  return { id, sku, barcode, name, categoryId, price, currency, unit, taxClass, active, quickKey };
}

function toDetail(doc: ProductDoc): ProductDetail {
  const { id, sku, barcode, extraBarcodes, name, description, categoryId, price, currency, taxClass, unit, image, minStockMilli, quickKey, active, updatedAt, updatedBy } = doc;
  return { id, sku, barcode, extraBarcodes: [...extraBarcodes], name, description, categoryId, price, currency, taxClass, unit, image, minStockMilli, quickKey, active, updatedAt, updatedBy };
}

function toCategory({ id, name, color, sortOrder }: CategoryDoc): CategoryDetail {
  return { id, name, color, sortOrder };
}
