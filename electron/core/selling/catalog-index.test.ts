/** The in-memory catalog index on its own: matching, ranking, filters, and staying current through changes. */
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import type { ProductDoc } from '../../../shared/model';
import { CatalogIndex } from './catalog-index';
import { matchesPrefixWithOneEdit, tokenize } from './search-text';

function product(id: string, name: string, more: Partial<ProductDoc> = {}): ProductDoc {
  return {
    id,
    sku: `SKU-${id}`,
    barcode: '',
    name,
    description: '',
    categoryId: 'C1',
    price: 100,
    currency: 'EUR',
    taxClass: 'standard',
    unit: 'piece',
    imageUrl: '',
    extraBarcodes: [],
    image: '',
    minStockMilli: 0,
    quickKey: 0,
    active: true,
    searchText: '',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'test',
    ...more,
  };
}

const names = (index: CatalogIndex, query: string, more: { categoryId?: string; limit?: number; offset?: number } = {}) =>
  index.search({ query, limit: more.limit ?? 50, ...more }).items.map((p) => p.name);

describe('search text', () => {
  it('folds case and accents and splits at anything but letters and digits', () => {
    expect(tokenize('Crème FRAÎCHE 30%, 200g')).toEqual(['creme', 'fraiche', '30', '200g']);
  });

  it('allows one wrong, missing, extra or swapped letter against the start of a word', () => {
    for (const typo of ['chocolate', 'chocolte', 'chocoolate', 'chocolaet', 'xhocolate', 'chcoolate', 'choco']) {
      expect(matchesPrefixWithOneEdit(typo, 'chocolates'), typo).toBe(true);
    }
    for (const far of ['chocltae', 'cocolte', 'xxocolate']) expect(matchesPrefixWithOneEdit(far, 'chocolates'), far).toBe(false);
  });
});

describe('catalog index', () => {
  const catalog = [
    product('P1', 'Organic Milk 1 L', { barcode: '4006381333931', sku: 'MLK-00001', categoryId: 'DAIRY' }),
    product('P2', 'Milk chocolate bar', { barcode: '4012345678901', sku: 'SWT-00001', categoryId: 'SWEETS' }),
    product('P3', 'Dark chocolate 70%', { barcode: '4012345678918', sku: 'SWT-00002', categoryId: 'SWEETS' }),
    product('P4', 'Buttermilk', { barcode: '4099999999999', sku: 'MLK-00002', categoryId: 'DAIRY' }),
    product('P5', 'Milkshake strawberry (discontinued)', { sku: 'MLK-00003', categoryId: 'DAIRY', active: false }),
    product('P6', 'Crème fraîche', { sku: '00042', categoryId: 'DAIRY' }),
  ];

  it('matches every query token against the start of a name word, in name order, active products only', () => {
    const index = new CatalogIndex(catalog);
    expect(names(index, 'milk')).toEqual(['Milk chocolate bar', 'Organic Milk 1 L']);
    expect(names(index, 'mi choc')).toEqual(['Milk chocolate bar']);
    expect(names(index, 'choc')).toEqual(['Dark chocolate 70%', 'Milk chocolate bar']);
    expect(names(index, 'creme')).toEqual(['Crème fraîche']);
    expect(names(index, 'nothing like it')).toEqual([]);
  });

  it('tolerates one typo in a token of four letters or more, ranked after exact prefix matches', () => {
    const index = new CatalogIndex(catalog);
    expect(names(index, 'chocolte')).toEqual(['Dark chocolate 70%', 'Milk chocolate bar']);
    expect(names(index, 'mlik')).toEqual(['Milk chocolate bar', 'Organic Milk 1 L']);
    // "milc" has a typo for "milk"; no product starts a word with it.
    expect(names(index, 'milc')).toEqual(['Milk chocolate bar', 'Organic Milk 1 L']);
    // Too short for typos: "mlk" must be an exact prefix, and no word starts with it — but SKUs do.
    expect(names(index, 'mlk')).toEqual(['Buttermilk', 'Organic Milk 1 L']);
    // Exact prefix matches rank above typo matches: "dark" is exact for P3, "bark" is one typo from "bar".
    expect(names(index, 'bark')).toEqual(['Dark chocolate 70%', 'Milk chocolate bar']);
  });

  it('puts an exact barcode or SKU first, and finds barcode and SKU prefixes', () => {
    const index = new CatalogIndex(catalog);
    expect(names(index, '4012345678918')).toEqual(['Dark chocolate 70%']);
    expect(names(index, '40123')).toEqual(['Dark chocolate 70%', 'Milk chocolate bar']);
    expect(names(index, 'MLK-00002')[0]).toBe('Buttermilk');
    expect(names(index, 'swt-0000')).toEqual(['Dark chocolate 70%', 'Milk chocolate bar']);
    expect(index.byExactBarcode('4006381333931')?.product.id).toBe('P1');
    expect(index.byExactSku('00042')?.product.id).toBe('P6');
  });

  it('filters by category and pages with a total count', () => {
    const index = new CatalogIndex(catalog);
    expect(names(index, 'milk', { categoryId: 'DAIRY' })).toEqual(['Organic Milk 1 L']);
    expect(names(index, '', { categoryId: 'DAIRY' })).toEqual(['Buttermilk', 'Crème fraîche', 'Organic Milk 1 L']);
    const page = index.search({ query: '', limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((p) => p.id)).toEqual(['P3', 'P2']);
    expect(Object.fromEntries(index.categoryCounts())).toEqual({ DAIRY: 3, SWEETS: 2 });
  });

  it('follows inserts, updates and deletes, before and after they are merged into the sorted structures', () => {
    const index = new CatalogIndex(catalog);
    index.upsert(product('P7', 'Oat milk barista', { barcode: '4000000000007', categoryId: 'DAIRY' }));
    index.upsert(product('P2', 'White chocolate bar', { barcode: '4012345678901', categoryId: 'SWEETS' }));
    index.remove('P4');
    const check = () => {
      expect(names(index, 'milk')).toEqual(['Oat milk barista', 'Organic Milk 1 L']);
      expect(names(index, 'white choc')).toEqual(['White chocolate bar']);
      expect(names(index, 'buttermilk')).toEqual([]);
      expect(names(index, '4000000000007')).toEqual(['Oat milk barista']);
      expect(index.byExactBarcode('4099999999999')).toBeNull();
      expect(index.categoryCounts().get('DAIRY')).toBe(3);
    };
    check();
    index.refresh(true);
    check();
    index.rebuild();
    check();
    index.upsert(product('P5', 'Milkshake strawberry', { sku: 'MLK-00003', categoryId: 'DAIRY', active: true }));
    expect(names(index, 'milk')).toEqual(['Milkshake strawberry', 'Oat milk barista', 'Organic Milk 1 L']);
  });

  it('answers the same on a generated catalog whether changes are pending or merged', () => {
    const { products } = generateCatalog({ products: 3_000, seed: 9 });
    const index = new CatalogIndex(products.slice(0, 2_000));
    for (const p of products.slice(2_000)) index.upsert(p);
    for (const p of products.slice(0, 300)) index.upsert({ ...p, name: `${p.name} Special` });
    const queries = ['milk', 'special', 'chese', 'org mil', products[2_500]!.barcode, products[100]!.sku, '40', ''];
    const before = queries.map((query) => index.search({ query, limit: 40, offset: 5 }));
    index.refresh(true);
    expect(queries.map((query) => index.search({ query, limit: 40, offset: 5 }))).toEqual(before);
    index.rebuild();
    expect(queries.map((query) => index.search({ query, limit: 40, offset: 5 }))).toEqual(before);
    // Every product with a word starting "special" (the 300 renamed, and a few generated ones) comes before any
    // typo match ("spezial", "spacial" …).
    const special = index.search({ query: 'special', limit: 1_000 });
    const exact = special.items.filter((p) => /\bspecial/i.test(p.name)).length;
    expect(exact).toBeGreaterThanOrEqual(300);
    expect(special.items.slice(0, exact).every((p) => /\bspecial/i.test(p.name))).toBe(true);
  });
});

describe('catalog index: extra barcodes, archived products, quick keys', () => {
  const catalog = [
    product('A1', 'Apple juice', { barcode: '4006381333931', extraBarcodes: ['96385074', '036000291452'], quickKey: 2 }),
    product('A2', 'Apple pie (old recipe)', { barcode: '5901234123457', active: false, quickKey: 5 }),
    product('A3', 'Apple vinegar', { quickKey: 1 }),
  ];

  it('finds a product by any of its barcodes, and forgets the old ones when they change', () => {
    const index = new CatalogIndex(catalog);
    expect(index.byExactBarcode('96385074')?.product.id).toBe('A1');
    expect(index.search({ query: '036000291452', limit: 5 }).items.map((p) => p.id)).toEqual(['A1']);
    expect(index.search({ query: '9638', limit: 5 }).items.map((p) => p.id)).toEqual(['A1']);
    index.upsert(product('A1', 'Apple juice', { barcode: '4006381333931', extraBarcodes: [] }));
    expect(index.byExactBarcode('96385074')).toBeNull();
    expect(index.barcodeOwner('4006381333931')).toBe('A1');
  });

  it('lists archived products only when asked; selling never finds them', () => {
    const index = new CatalogIndex(catalog);
    expect(index.search({ query: 'apple', limit: 10 }).items.map((p) => p.id)).toEqual(['A1', 'A3']);
    expect(index.list({ query: 'apple', limit: 10, status: 'archived' }).items.map((e) => [e.product.id, e.active])).toEqual([['A2', false]]);
    expect(index.list({ query: '', limit: 10, status: 'all' }).total).toBe(3);
    expect(index.search({ query: '5901234123457', limit: 10 }).total).toBe(0);
    expect(index.barcodeOwner('5901234123457')).toBe('A2');
  });

  it('gives the active products on assigned quick keys in key order', () => {
    const index = new CatalogIndex(catalog);
    expect(index.assignedQuickKeys().map((p) => p.id)).toEqual(['A3', 'A1']);
    expect(index.quickKeyOwner(5)).toBe('A2');
  });
});
