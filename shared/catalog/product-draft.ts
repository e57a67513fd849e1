/**
 * The one rule for a product's fields, whoever gives them (the back office editor, a CSV row): `checkProductDraft`
 * lists every problem of a draft as a sentence a manager can act on, and `buildProductDoc` turns a draft that has
 * none into the stored document. Pure: what the catalog already holds comes in through a `DraftContext`.
 */
import {
  MAX_EXTRA_BARCODES,
  MAX_PRODUCT_IMAGE_CHARS,
  MAX_QUICK_KEY,
  PRODUCT_UNITS,
  TAX_CLASSES,
  type CurrencyCode,
  type ProductDoc,
  type ProductUnit,
  type TaxClass,
} from '../model';
import { barcodeKind } from './barcodes';

/** What an editor or an import row gives for one product. Money in integer minor units of the store's currency. */
export interface ProductDraft {
  /** Absent (or '') for a new product. */
  id?: string | undefined;
  sku: string;
  /** The main barcode, '' for none (items weighed at the counter carry scale labels instead). */
  barcode: string;
  extraBarcodes: string[];
  name: string;
  description: string;
  /** '' for none. */
  categoryId: string;
  price: number;
  taxClass: TaxClass;
  unit: ProductUnit;
  /** '' or a `data:image/webp|jpeg|png;base64,` URL of at most MAX_PRODUCT_IMAGE_CHARS characters. */
  image: string;
  minStockMilli: number;
  /** 1..MAX_QUICK_KEY, 0 for none. */
  quickKey: number;
  active: boolean;
}

/** What the catalog already holds, as the check needs it. */
export interface DraftContext {
  categoryExists(categoryId: string): boolean;
  /** The product that holds this barcode (as its main or an extra one), or null. */
  barcodeOwner(code: string): string | null;
  /** The product with this SKU (compared without case), or null. Absent: SKUs are not checked for uniqueness. */
  skuOwner?(sku: string): string | null;
  /** The product on this quick key, or null. Absent: quick keys are not checked for uniqueness. */
  quickKeyOwner?(key: number): string | null;
  /** The store's currency: what the price is in. */
  currency: CurrencyCode;
}

export type DraftField = keyof ProductDraft;

export interface DraftProblem {
  field: DraftField;
  message: string;
}

/** A price above this is a typo (a barcode pasted into the price), not a product: 999,999.99 in a 2-decimal currency. */
export const MAX_PRODUCT_PRICE = 99_999_999;
export const MAX_NAME_CHARS = 200;
export const MAX_DESCRIPTION_CHARS = 2_000;
export const MAX_MIN_STOCK_MILLI = 1_000_000_000;
/** Letters and digits, then also dot, dash, underscore and slash; at most 32. */
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$/;
const CONTROLS = /\p{Cc}/u;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const IMAGE = /^data:image\/(webp|jpeg|png);base64,[A-Za-z0-9+/]+={0,2}$/;
const SEARCH_TEXT_CHARS = 300;

/** Every problem of the draft, in field order; empty when it may be saved. */
export function checkProductDraft(draft: ProductDraft, context: DraftContext): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const add = (field: DraftField, message: string) => problems.push({ field, message });
  const self = draft.id || null;
  if (self !== null && !ID.test(self)) add('id', 'Not a valid product id');
  checkSku(draft.sku, self, context, add);
  checkBarcodes(draft, self, context, add);
  checkText(draft.name, 'name', 'Name', MAX_NAME_CHARS, true, add);
  checkText(draft.description, 'description', 'Description', MAX_DESCRIPTION_CHARS, false, add);
  if (typeof draft.categoryId !== 'string' || (draft.categoryId !== '' && !context.categoryExists(draft.categoryId))) {
    add('categoryId', 'Category: no such category (choose one from the list or none)');
  }
  if (!Number.isSafeInteger(draft.price) || draft.price < 0) {
    add('price', `Price: a whole number of minor units (cents) of ${context.currency}, 0 or more`);
  } else if (draft.price > MAX_PRODUCT_PRICE) {
    add('price', `Price: at most ${MAX_PRODUCT_PRICE} minor units of ${context.currency}`);
  }
  if (!(TAX_CLASSES as readonly unknown[]).includes(draft.taxClass)) add('taxClass', `Tax class: one of ${TAX_CLASSES.join(', ')}`);
  if (!(PRODUCT_UNITS as readonly unknown[]).includes(draft.unit)) add('unit', `Unit: one of ${PRODUCT_UNITS.join(', ')}`);
  checkImage(draft.image, add);
  if (!Number.isSafeInteger(draft.minStockMilli) || draft.minStockMilli < 0 || draft.minStockMilli > MAX_MIN_STOCK_MILLI) {
    add('minStockMilli', 'Minimum stock: a whole number of thousandths of the unit, 0 or more');
  }
  checkQuickKey(draft.quickKey, self, context, add);
  if (typeof draft.active !== 'boolean') add('active', 'Active: yes or no');
  return problems;
}

type Add = (field: DraftField, message: string) => void;

function checkSku(sku: unknown, self: string | null, context: DraftContext, add: Add): void {
  if (typeof sku !== 'string' || !SKU.test(sku)) {
    add('sku', 'SKU: 1–32 letters or digits (dot, dash, underscore and slash allowed after the first)');
    return;
  }
  const owner = context.skuOwner?.(sku) ?? null;
  if (owner !== null && owner !== self) add('sku', `SKU ${sku} is already used by product ${owner}`);
}

/** The draft's barcodes, main first; each a GTIN with its check digit right, none twice, none held by another product. */
function checkBarcodes(draft: ProductDraft, self: string | null, context: DraftContext, add: Add): void {
  if (!Array.isArray(draft.extraBarcodes) || draft.extraBarcodes.some((c) => typeof c !== 'string')) {
    add('extraBarcodes', 'More barcodes: a list of barcodes');
    return;
  }
  if (draft.extraBarcodes.length > MAX_EXTRA_BARCODES) add('extraBarcodes', `More barcodes: at most ${MAX_EXTRA_BARCODES}`);
  if (typeof draft.barcode !== 'string') {
    add('barcode', 'Barcode: digits, or empty for none');
    return;
  }
  const seen = new Set<string>();
  const codes: [DraftField, string][] = [
    ...(draft.barcode === '' ? [] : [['barcode', draft.barcode] as [DraftField, string]]),
    ...draft.extraBarcodes.map((c) => ['extraBarcodes', c] as [DraftField, string]),
  ];
  for (const [field, code] of codes) {
    const problem = barcodeProblem(code);
    if (problem) add(field, problem);
    else if (seen.has(code)) add(field, `Barcode ${code} is listed twice`);
    else {
      const owner = context.barcodeOwner(code);
      if (owner !== null && owner !== self) add(field, `Barcode ${code} already belongs to product ${owner}`);
    }
    seen.add(code);
  }
}

/** Why `code` cannot be a product's barcode, or null when it can: EAN-13, EAN-8 or UPC-A with the right check digit. */
export function barcodeProblem(code: string): string | null {
  if (!/^[0-9]+$/.test(code) || ![8, 12, 13].includes(code.length)) {
    return `Barcode ${JSON.stringify(code)}: 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13)`;
  }
  if (barcodeKind(code) === null) return `Barcode ${code}: the check digit is wrong (check the digits typed)`;
  return null;
}

function checkText(value: unknown, field: DraftField, label: string, max: number, required: boolean, add: Add): void {
  if (typeof value !== 'string') add(field, `${label}: text`);
  else if (required && value.trim() === '') add(field, `${label} is required`);
  else if (value.length > max) add(field, `${label}: at most ${max} characters`);
  else if (value !== value.trim()) add(field, `${label}: no spaces at the start or end`);
  else if (field === 'name' && CONTROLS.test(value)) add(field, `${label}: no control characters`);
}

function checkImage(image: unknown, add: Add): void {
  if (image === '') return;
  if (typeof image !== 'string' || !IMAGE.test(image)) {
    add('image', 'Picture: a WebP, JPEG or PNG image (choose the file again)');
  } else if (image.length > MAX_PRODUCT_IMAGE_CHARS) {
    add('image', `Picture: too large (${image.length} characters, at most ${MAX_PRODUCT_IMAGE_CHARS}); choose a smaller picture`);
  }
}

function checkQuickKey(key: unknown, self: string | null, context: DraftContext, add: Add): void {
  if (!Number.isSafeInteger(key) || (key as number) < 0 || (key as number) > MAX_QUICK_KEY) {
    add('quickKey', `Quick key: 1 to ${MAX_QUICK_KEY}, or 0 for none`);
    return;
  }
  if (key === 0) return;
  const owner = context.quickKeyOwner?.(key as number) ?? null;
  if (owner !== null && owner !== self) add('quickKey', `Quick key ${key as number} is already on product ${owner}`);
}

/** Every barcode of a product, main first. */
export function barcodesOf(product: Pick<ProductDoc, 'barcode' | 'extraBarcodes'>): string[] {
  return product.barcode === '' ? [...product.extraBarcodes] : [product.barcode, ...product.extraBarcodes];
}

/** What the catalog search matches against: lower-cased name, SKU and every barcode. */
export function productSearchText(product: Pick<ProductDoc, 'name' | 'sku' | 'barcode' | 'extraBarcodes'>): string {
  return [product.name, product.sku, ...barcodesOf(product)].join(' ').toLowerCase().slice(0, SEARCH_TEXT_CHARS);
}

export interface BuildContext {
  /** The product's id (the draft's, or a new one). */
  id: string;
  currency: CurrencyCode;
  /** ISO time of the save. */
  at: string;
  /** Who saves it (a user id, or 'import'). */
  by: string;
  /** The stored version it replaces: fields no draft carries (imageUrl) are kept from it. */
  previous?: ProductDoc | null | undefined;
}

/** The stored document of a draft that `checkProductDraft` accepted. */
export function buildProductDoc(draft: ProductDraft, build: BuildContext): ProductDoc {
  const doc: ProductDoc = {
    id: build.id,
    sku: draft.sku,
    barcode: draft.barcode,
    name: draft.name,
    description: draft.description,
    categoryId: draft.categoryId,
    price: draft.price,
    currency: build.currency,
    taxClass: draft.taxClass,
    unit: draft.unit,
    imageUrl: build.previous?.imageUrl ?? '',
    extraBarcodes: [...draft.extraBarcodes],
    image: draft.image,
    minStockMilli: draft.minStockMilli,
    quickKey: draft.quickKey,
    active: draft.active,
    searchText: '',
    updatedAt: build.at,
    updatedBy: build.by,
  };
  doc.searchText = productSearchText(doc);
  return doc;
}

/** The draft of a stored product: what an editor starts from. */
export function draftOf(doc: ProductDoc): ProductDraft {
  const { id, sku, barcode, extraBarcodes, name, description, categoryId, price, taxClass, unit, image, minStockMilli, quickKey, active } = doc;
  return { id, sku, barcode, extraBarcodes: [...extraBarcodes], name, description, categoryId, price, taxClass, unit, image, minStockMilli, quickKey, active };
}

/** True when saving `next` over `previous` would change nothing a person can see (the save can be skipped). */
export function sameProduct(previous: ProductDoc, next: ProductDoc): boolean {
  const keys = Object.keys(next) as (keyof ProductDoc)[];
  return keys.every((k) => k === 'updatedAt' || k === 'updatedBy' || k === 'edits' || JSON.stringify(previous[k]) === JSON.stringify(next[k]));
}
