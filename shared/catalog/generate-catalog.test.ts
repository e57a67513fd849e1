import { beforeAll, describe, expect, it } from 'vitest';
import { TAX_CLASSES, type ProductDoc } from '../model';
import { isInStoreEan13, isValidEan13 } from './barcodes';
import { DEFAULT_CATALOG_TIME, generateCatalog, type GeneratedCatalog } from './generate-catalog';

const ID_PATTERN = /^[A-Za-z0-9_]+-[0-9A-Z]+$/;

describe('generateCatalog at 100,000 products', () => {
  let big: GeneratedCatalog;
  let elapsedMs = 0;

  beforeAll(() => {
    const started = performance.now();
    big = generateCatalog({ products: 100_000 });
    elapsedMs = performance.now() - started;
    console.info(`generateCatalog: 100,000 products in ${elapsedMs.toFixed(0)} ms`);
  });

  it('is quick enough to seed a store at start-up', () => {
    expect(big.products).toHaveLength(100_000);
    // The target is < 2 s; the bound is looser so a busy CI machine does not fail the suite.
    expect(elapsedMs).toBeLessThan(6_000);
  });

  it('has unique ids, SKUs and barcodes', () => {
    for (const key of ['id', 'sku', 'barcode'] as const) {
      expect(new Set(big.products.map((p) => p[key])).size, key).toBe(100_000);
    }
    expect(new Set(big.categories.map((c) => c.id)).size).toBe(big.categories.length);
  });

  it('uses valid manufacturer EAN-13s only', () => {
    const bad = big.products.filter((p) => !isValidEan13(p.barcode) || isInStoreEan13(p.barcode));
    expect(bad.map((p) => p.barcode).slice(0, 5)).toEqual([]);
  });

  it('has well-formed ids', () => {
    for (const doc of [...big.categories, ...big.products]) {
      if (!ID_PATTERN.test(doc.id) || doc.id.length > 64) throw new Error(`Bad id ${doc.id}`);
    }
  });

  it('prices every product as a positive whole number of cents, mostly ending in 9', () => {
    const bad = big.products.filter((p) => !Number.isSafeInteger(p.price) || p.price <= 0);
    expect(bad).toEqual([]);
    const endingIn9 = big.products.filter((p) => p.price % 10 === 9).length;
    expect(endingIn9 / big.products.length).toBeGreaterThan(0.6);
    const prices = big.products.map((p) => p.price).sort((a, b) => a - b);
    expect(prices[Math.floor(prices.length / 2)]).toBeGreaterThan(100);
    expect(prices[Math.floor(prices.length / 2)]).toBeLessThan(1_000);
  });

  it('puts every product in a category that exists, and fills every category', () => {
    const categoryIds = new Set(big.categories.map((c) => c.id));
    expect(big.products.filter((p) => !categoryIds.has(p.categoryId))).toEqual([]);
    expect(new Set(big.products.map((p) => p.categoryId))).toEqual(categoryIds);
  });

  it('fills every field the way the store expects', () => {
    const problems: string[] = [];
    const check = (p: ProductDoc, ok: boolean, what: string) => ok || problems.push(`${p.id}: ${what}`);
    for (const p of big.products) {
      check(p, p.currency === 'EUR', 'currency');
      check(p, (TAX_CLASSES as readonly string[]).includes(p.taxClass), 'taxClass');
      check(p, p.unit === 'piece' || p.unit === 'kg', 'unit');
      check(p, p.name.length > 3 && p.name.length <= 120 && p.name === p.name.trim(), 'name');
      check(p, p.description.length > 0, 'description');
      check(p, p.imageUrl === '' && p.active && p.updatedBy === 'seed', 'fixed fields');
      check(p, p.updatedAt === DEFAULT_CATALOG_TIME, 'updatedAt');
      check(p, p.searchText === `${p.name} ${p.sku} ${p.barcode}`.toLowerCase(), 'searchText');
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('looks like a supermarket: some produce by the kg, food mostly at the reduced rate', () => {
    const byKg = big.products.filter((p) => p.unit === 'kg');
    expect(byKg.length).toBeGreaterThan(1_000);
    expect(byKg.every((p) => p.name.endsWith('per kg'))).toBe(true);
    const fruit = big.products.filter((p) => p.categoryId === 'DEMO-CFRU');
    expect(fruit.every((p) => p.taxClass === 'reduced')).toBe(true);
    const reduced = big.products.filter((p) => p.taxClass === 'reduced').length;
    expect(reduced / big.products.length).toBeGreaterThan(0.5);
    expect(big.products.some((p) => p.taxClass === 'standard')).toBe(true);
  });
});

describe('generateCatalog', () => {
  it('gives the same documents for the same seed, and different ones for another seed', () => {
    const a = generateCatalog({ products: 500, seed: 7 });
    const b = generateCatalog({ products: 500, seed: 7 });
    const c = generateCatalog({ products: 500, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.products.map((p) => p.barcode)).not.toEqual(a.products.map((p) => p.barcode));
  });

  it('makes a small catalog the start of a large one', () => {
    const small = generateCatalog({ products: 2_000 });
    const large = generateCatalog({ products: 20_000 });
    expect(large.products.slice(0, 2_000)).toEqual(small.products);
    expect(large.categories).toEqual(small.categories);
  });

  it('has 20–40 coloured, ordered top-level categories', () => {
    const { categories } = generateCatalog({ products: 0 });
    expect(categories.length).toBeGreaterThanOrEqual(20);
    expect(categories.length).toBeLessThanOrEqual(40);
    for (const c of categories) {
      expect(c.color).toMatch(/^#[0-9A-F]{6}$/);
      expect(c.parentId).toBe('');
    }
    const orders = categories.map((c) => c.sortOrder);
    expect([...orders].sort((x, y) => x - y)).toEqual(orders);
    expect(new Set(categories.map((c) => c.name)).size).toBe(categories.length);
  });

  it('uses the id prefix and time it is given', () => {
    const { categories, products } = generateCatalog({ products: 3, idPrefix: 'STORE_9', now: '2026-03-01T08:00:00.000Z' });
    expect(products.map((p) => p.id)).toEqual(['STORE_9-P000001', 'STORE_9-P000002', 'STORE_9-P000003']);
    expect(categories[0]!.id).toMatch(/^STORE_9-C[A-Z]{3}$/);
    expect(new Set([...categories, ...products].map((d) => d.updatedAt))).toEqual(new Set(['2026-03-01T08:00:00.000Z']));
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateCatalog({ products: -1 })).toThrow(RangeError);
    expect(() => generateCatalog({ products: 1.5 })).toThrow(RangeError);
    expect(() => generateCatalog({ products: 2_000_000 })).toThrow(RangeError);
    expect(() => generateCatalog({ products: 1, idPrefix: 'no-dash' })).toThrow(/idPrefix/);
    expect(() => generateCatalog({ products: 1, now: 'yesterday' })).toThrow(/ISO/);
  });
});
