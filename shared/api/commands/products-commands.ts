/**
 * The back office's catalog: managers list and search every product (archived ones too), edit, archive and
 * restore them, and keep the categories (name, colour, order). The field rules live in one place,
 * shared/catalog/product-draft.ts: these inputs check only shapes, so every problem comes back as one sentence.
 */
import { z } from 'zod';
import type { ProductDraft } from '../../catalog/product-draft';
import { MAX_PRODUCT_IMAGE_CHARS, PRODUCT_UNITS, TAX_CLASSES, type CurrencyCode } from '../../model';
import type { ProductView } from './selling-commands';
import { command, entityId } from '../command-spec';

/** One row of the products list: what the sell screen sees of a product, and whether it is for sale and on a key. */
export type ProductRow = Omit<ProductView, 'imageUrl'> & { active: boolean; quickKey: number };

export interface ProductPage {
  total: number;
  items: ProductRow[];
}

/** A product as the editor shows it: every field a draft has, plus what the store adds. */
export type ProductDetail = Omit<ProductDraft, 'id'> & { id: string; currency: CurrencyCode; updatedAt: string; updatedBy: string };

export interface CategoryDetail {
  id: string;
  name: string;
  color: string;
  sortOrder: number;
}

/** Shapes only (types and bounds well beyond the rule's): the rule in product-draft.ts says what is wrong. */
export const productDraftInput = z
  .object({
    id: entityId.optional(),
    sku: z.string().max(200),
    barcode: z.string().max(200),
    extraBarcodes: z.array(z.string().max(200)).max(100),
    name: z.string().max(2_000),
    description: z.string().max(20_000),
    categoryId: z.string().max(200),
    price: z.number(),
    taxClass: z.enum(TAX_CLASSES, { message: `Tax class: one of ${TAX_CLASSES.join(', ')}` }),
    unit: z.enum(PRODUCT_UNITS, { message: `Unit: one of ${PRODUCT_UNITS.join(', ')}` }),
    image: z.string().max(MAX_PRODUCT_IMAGE_CHARS * 2, 'Picture: too large; choose a smaller picture'),
    minStockMilli: z.number(),
    quickKey: z.number(),
    active: z.boolean(),
  })
  .strict();

export const PRODUCT_PAGE_MAX = 200;

export const productsCommands = {
  /** Search and filters over the whole catalog, from the in-memory index (100,000 products answer in milliseconds). */
  'products.list': command<ProductPage>()(
    z
      .object({
        query: z.string().max(100),
        categoryId: entityId.optional(),
        status: z.enum(['active', 'archived', 'all']).default('active'),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(PRODUCT_PAGE_MAX),
      })
      .strict(),
    'manager', 'reads',
  ),
  'products.get': command<ProductDetail>()(z.object({ id: entityId }).strict(), 'manager', 'reads'),
  /** Creates (no id) or updates a product. A price change is audited with the old and new price. */
  'products.save': command<ProductDetail>()(productDraftInput, 'manager', 'writes'),
  /** No longer for sale; it stays in the catalog (past sales name it) and its quick key is freed. */
  'products.archive': command<ProductDetail>()(z.object({ id: entityId }).strict(), 'manager', 'writes'),
  'products.restore': command<ProductDetail>()(z.object({ id: entityId }).strict(), 'manager', 'writes'),
  /** Creates (no id, placed last) or renames/recolours a category. The list is `catalog.categories`. */
  'categories.save': command<CategoryDetail>()(
    z.object({ id: entityId.optional(), name: z.string().max(1_000), color: z.string().max(100) }).strict(),
    'manager', 'writes',
  ),
  /** Every category's id once, in the new order. */
  'categories.reorder': command<CategoryDetail[]>()(z.object({ ids: z.array(entityId).min(1).max(10_000) }).strict(), 'manager', 'writes'),
} as const;
