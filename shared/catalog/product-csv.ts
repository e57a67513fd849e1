/**
 * The catalog as a CSV file, both ways: which column is which (by header, case-insensitive, with a few aliases),
 * the separator (`,` `;` or tab, judged from the header line), each row's text read into a product draft's fields
 * (money as text, never through a float), and the export that the import reads back. Pure: the streaming parse and
 * the store live in electron/core/catalog/; the product rule itself is shared/catalog/product-draft.ts.
 */
import { parseMoneyText } from '../money/parse-money';
import { minorToDecimal } from '../money/minor-units';
import { PRODUCT_UNITS, TAX_CLASSES, type CategoryDoc, type ProductDoc, type ProductUnit, type TaxClass } from '../model';
import { csvCell } from '../reports/sales-csv';
import type { ProductDraft } from './product-draft';

/** The columns, in the export's order. */
export const CATALOG_CSV_COLUMNS = [
  'id', 'sku', 'name', 'price', 'category', 'barcodes', 'tax_class', 'unit', 'description', 'active', 'min_stock', 'quick_key',
] as const;
export type CatalogColumn = (typeof CATALOG_CSV_COLUMNS)[number];
/** A row without these cannot make a product. */
export const REQUIRED_COLUMNS: readonly CatalogColumn[] = ['sku', 'name', 'price', 'category'];

/** Other names spreadsheets and other systems use, after `headerKey`. */
const ALIASES: Record<string, CatalogColumn> = {
  product_id: 'id',
  article: 'sku', article_no: 'sku', article_number: 'sku', item_no: 'sku', item_number: 'sku',
  product: 'name', product_name: 'name', title: 'name',
  unit_price: 'price', retail_price: 'price', sale_price: 'price', sales_price: 'price',
  category_id: 'category', category_name: 'category', product_group: 'category',
  barcode: 'barcodes', ean: 'barcodes', ean13: 'barcodes', gtin: 'barcodes', upc: 'barcodes',
  tax: 'tax_class', vat: 'tax_class', vat_class: 'tax_class',
  enabled: 'active',
  minimum_stock: 'min_stock', reorder_level: 'min_stock',
};

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** "Tax class" → "tax_class". */
export function headerKey(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export interface HeaderMapping {
  /** The field of each column of the file; null for a column this import does not know (ignored). */
  fields: (CatalogColumn | null)[];
  /** Columns ignored, as the file names them, with their 1-based position. */
  unknown: { column: number; name: string }[];
  /** What keeps the whole file from being read (a required column missing, a field given twice); empty when none. */
  problems: string[];
}

export function mapHeader(cells: readonly string[]): HeaderMapping {
  const fields: (CatalogColumn | null)[] = [];
  const unknown: HeaderMapping['unknown'] = [];
  const problems: string[] = [];
  const seen = new Map<CatalogColumn, number>();
  cells.forEach((cell, index) => {
    const key = headerKey(cell);
    const field = (CATALOG_CSV_COLUMNS as readonly string[]).includes(key) ? (key as CatalogColumn) : (ALIASES[key] ?? null);
    if (field && seen.has(field)) {
      problems.push(`Columns ${seen.get(field)! + 1} and ${index + 1} both give the ${field}: keep one of them.`);
      fields.push(null);
      return;
    }
    if (field) seen.set(field, index);
    else if (key !== '') unknown.push({ column: index + 1, name: cell.trim() });
    fields.push(field);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    problems.push(`The first line must name the columns; missing: ${missing.join(', ')} (columns: ${CATALOG_CSV_COLUMNS.join(', ')}).`);
  }
  return { fields, unknown, problems };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator the header line uses most (outside quotes); ',' when it names one column only. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of stripBom(text)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Physical lines a parsed record spans besides its first: the line breaks inside its quoted fields. */
export function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    breaks += cell.match(/\r\n|\r|\n/g)!.length;
  }
  return breaks;
}

/** A blank line, or a row of empty cells (a spreadsheet's trailing rows): skipped, not reported. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** The fields a row gives; a column the file lacks (or an empty optional cell) is absent, so an update keeps it. */
export interface RowFields {
  id?: string;
  sku?: string;
  name?: string;
  price?: number;
  categoryId?: string;
  barcode?: string;
  extraBarcodes?: string[];
  taxClass?: TaxClass;
  unit?: ProductUnit;
  description?: string;
  active?: boolean;
  minStockMilli?: number;
  quickKey?: number;
}

export interface RowContext {
  /** Minor-unit digits of the store's currency. */
  currencyDigits: number;
  categories: CategoryLookup;
}

export type RowReading = { ok: true; fields: RowFields } | { ok: false; problems: string[] };

/** Reads one data row's cells into draft fields, or says every cell that cannot be read. */
export function readRow(cells: readonly string[], mapping: HeaderMapping, context: RowContext): RowReading {
  const fields: RowFields = {};
  const problems: string[] = [];
  if (cells.length > mapping.fields.length && cells.slice(mapping.fields.length).some((c) => c.trim() !== '')) {
    problems.push(`${cells.length} cells, but the header names ${mapping.fields.length} columns (a separator inside an unquoted cell?)`);
  }
  mapping.fields.forEach((field, index) => {
    if (!field) return;
    const text = unguard(cells[index] ?? '').trim();
    const problem = readCell(field, text, fields, context);
    if (problem) problems.push(problem);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fields };
}

/** Reads one cell into `fields`; answers the problem, or null. Empty optional cells leave the field absent. */
function readCell(field: CatalogColumn, text: string, fields: RowFields, context: RowContext): string | null {
  if (text === '' && field !== 'sku' && field !== 'name' && field !== 'price' && field !== 'category') return null;
  switch (field) {
    case 'id':
    case 'sku':
    case 'name':
    case 'description':
      fields[field] = text;
      return null;
    case 'price': {
      if (text === '') return 'Price is missing';
      const price = parseMoneyText(text, context.currencyDigits);
      if (!price.ok) return `Price: ${price.error.message}`;
      fields.price = price.value;
      return null;
    }
    case 'category':
      return readCategory(text, fields, context.categories);
    case 'barcodes':
      return readBarcodes(text, fields);
    case 'tax_class':
      return readChoice(text, TAX_CLASSES, 'Tax class', (v) => (fields.taxClass = v));
    case 'unit':
      return readChoice(UNIT_ALIASES[text.toLowerCase()] ?? text, PRODUCT_UNITS, 'Unit', (v) => (fields.unit = v));
    case 'active':
      return readYesNo(text, fields);
    case 'min_stock':
      return readQuantity(text, fields);
    case 'quick_key':
      if (!/^\d{1,3}$/.test(text)) return `Quick key "${text}": a whole number, or empty for none`;
      fields.quickKey = Number(text);
      return null;
  }
}

const UNIT_ALIASES: Record<string, ProductUnit> = { pc: 'piece', pcs: 'piece', pieces: 'piece', each: 'piece', kilogram: 'kg', kgs: 'kg' };

function readChoice<T extends string>(text: string, choices: readonly T[], label: string, set: (value: T) => void): string | null {
  const value = choices.find((c) => c === text.toLowerCase());
  if (!value) return `${label} "${text}": one of ${choices.join(', ')}`;
  set(value);
  return null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'active']);
const NO = new Set(['no', 'n', 'false', '0', 'archived', 'inactive']);

function readYesNo(text: string, fields: RowFields): string | null {
  const key = text.toLowerCase();
  if (YES.has(key)) fields.active = true;
  else if (NO.has(key)) fields.active = false;
  else return `Active "${text}": yes or no`;
  return null;
}

/** A quantity of the product's unit with at most three decimals, "." or "," as the mark: "2,5" kg → 2500. */
function readQuantity(text: string, fields: RowFields): string | null {
  const match = /^(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(text);
  if (!match) return `Minimum stock "${text}": a quantity like 12 or 2.5`;
  fields.minStockMilli = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  return null;
}

/** Barcodes, main first, separated by "|", spaces, "," or ";" (inside one cell). */
function readBarcodes(text: string, fields: RowFields): string | null {
  const codes = text.split(/[|\s,;]+/).filter(Boolean);
  const mangled = codes.find((c) => /^\d+(?:[.,]\d+)?e\+?\d+$/i.test(c));
  if (mangled) return `Barcode ${mangled}: a spreadsheet turned it into a number; format the column as text and export again`;
  fields.barcode = codes[0] ?? '';
  fields.extraBarcodes = codes.slice(1);
  return null;
}

/** What a new product gets for a column the file lacks or leaves empty. */
const NEW_PRODUCT: Omit<ProductDraft, 'id' | 'sku' | 'name' | 'price'> = {
  barcode: '', extraBarcodes: [], description: '', categoryId: '', taxClass: 'standard', unit: 'piece', image: '', minStockMilli: 0, quickKey: 0, active: true,
};

/**
 * The draft a row makes: the stored product's draft (`previous`, for an update) or a new product's defaults, with
 * the row's fields over it. `id` is the product it saves (the row's own, or the one its SKU found); undefined: new.
 */
export function draftFromRow(fields: RowFields, previous: ProductDraft | null, id: string | undefined): ProductDraft {
  const base: ProductDraft = previous ?? { ...NEW_PRODUCT, sku: '', name: '', price: 0, extraBarcodes: [] };
  const draft: ProductDraft = { ...base, ...fields, id };
  if (fields.barcode !== undefined && fields.extraBarcodes === undefined) draft.extraBarcodes = base.extraBarcodes;
  return draft;
}

/** Finds a category by its id first, then by its name (case-insensitive). */
export interface CategoryLookup {
  byId: ReadonlyMap<string, CategoryDoc>;
  /** Lower-cased name → the categories with it. */
  byName: ReadonlyMap<string, CategoryDoc[]>;
}

export function categoryLookup(categories: readonly CategoryDoc[]): CategoryLookup {
  const byName = new Map<string, CategoryDoc[]>();
  for (const c of categories) {
    const key = c.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  return { byId: new Map(categories.map((c) => [c.id, c])), byName };
}

function readCategory(text: string, fields: RowFields, lookup: CategoryLookup): string | null {
  if (text === '') {
    fields.categoryId = '';
    return null;
  }
  const byId = lookup.byId.get(text);
  if (byId) {
    fields.categoryId = byId.id;
    return null;
  }
  const named = lookup.byName.get(text.toLowerCase()) ?? [];
  if (named.length === 1) {
    fields.categoryId = named[0]!.id;
    return null;
  }
  if (named.length > 1) return `Category "${text}": ${named.length} categories have this name; give its id (${named.map((c) => c.id).join(' or ')})`;
  return `Category "${text}": no such category (give its name or id, or leave it empty)`;
}

/** A cell the export guarded against spreadsheet formulas ("'=Sale") reads back as written. */
function unguard(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && /[=+\-@\t\r]/.test(cell[1]!) ? cell.slice(1) : cell;
}

// --- Export ---------------------------------------------------------------------------------------------------

const BOM = '\ufeff';

/** The first line of an export: a UTF-8 BOM (so spreadsheets read the accents right) and the column names. */
export function catalogCsvHeader(): string {
  return `${BOM}${CATALOG_CSV_COLUMNS.join(',')}\r\n`;
}

/**
 * How the export names each category: its name where no other category shares it (readable, and found again by
 * name), its id otherwise.
 */
export function categoryNamer(categories: readonly CategoryDoc[]): (categoryId: string) => string {
  const lookup = categoryLookup(categories);
  return (id) => {
    const category = lookup.byId.get(id);
    if (!category) return id;
    return lookup.byName.get(category.name.trim().toLowerCase())!.length === 1 ? category.name : id;
  };
}

/** One product as a CSV row (comma, CRLF, quotes where needed); money and quantities from their integers. */
export function productCsvRow(product: ProductDoc, currencyDigits: number, categoryName: (id: string) => string): string {
  const cells: string[] = [
    product.id,
    product.sku,
    product.name,
    minorToDecimal(product.price, currencyDigits),
    product.categoryId === '' ? '' : categoryName(product.categoryId),
    [product.barcode, ...product.extraBarcodes].filter(Boolean).join('|'),
    product.taxClass,
    product.unit,
    product.description,
    product.active ? 'yes' : 'no',
    product.minStockMilli === 0 ? '' : minorToDecimal(product.minStockMilli, 3),
    product.quickKey === 0 ? '' : String(product.quickKey),
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}
