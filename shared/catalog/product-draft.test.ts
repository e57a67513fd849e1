import { describe, expect, it } from 'vitest';
import { MAX_PRODUCT_IMAGE_CHARS, MAX_QUICK_KEY, type ProductDoc } from '../model';
import { buildProductDoc, checkProductDraft, draftOf, MAX_PRODUCT_PRICE, productSearchText, type DraftContext, type ProductDraft } from './product-draft';

const draft = (over: Partial<ProductDraft> = {}): ProductDraft => ({
  sku: 'TEA-00001',
  barcode: '4006381333931',
  extraBarcodes: ['96385074'],
  name: 'Green tea 20 bags',
  description: '',
  categoryId: 'DRINKS',
  price: 349,
  taxClass: 'reduced',
  unit: 'piece',
  image: '',
  minStockMilli: 0,
  quickKey: 0,
  active: true,
  ...over,
});

const held = new Map<string, string>([['5901234123457', 'P-OTHER']]);
const context: DraftContext = {
  categoryExists: (id) => id === 'DRINKS',
  barcodeOwner: (code) => held.get(code) ?? null,
  skuOwner: (sku) => (sku.toLowerCase() === 'taken-1' ? 'P-OTHER' : null),
  quickKeyOwner: (key) => (key === 7 ? 'P-OTHER' : null),
  currency: 'EUR',
};

const problems = (over: Partial<ProductDraft>) => checkProductDraft(draft(over), context);
const fields = (over: Partial<ProductDraft>) => problems(over).map((p) => p.field);

describe('checkProductDraft', () => {
  it('accepts a complete product, and one without any barcode (weighed at the counter)', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ barcode: '', extraBarcodes: [], unit: 'kg' })).toEqual([]);
  });

  it('refuses a barcode with a wrong check digit, naming the code', () => {
    expect(problems({ barcode: '4006381333932' })).toEqual([
      { field: 'barcode', message: 'Barcode 4006381333932: the check digit is wrong (check the digits typed)' },
    ]);
    expect(fields({ extraBarcodes: ['96385075'] })).toEqual(['extraBarcodes']);
    expect(fields({ barcode: 'ABC123' })).toEqual(['barcode']);
    expect(fields({ barcode: '12345' })).toEqual(['barcode']);
  });

  it('refuses a barcode listed twice on the product or held by another product, but not its own', () => {
    expect(problems({ extraBarcodes: ['4006381333931'] })[0]?.message).toBe('Barcode 4006381333931 is listed twice');
    expect(problems({ extraBarcodes: ['5901234123457'] })[0]?.message).toBe('Barcode 5901234123457 already belongs to product P-OTHER');
    expect(checkProductDraft(draft({ id: 'P-OTHER', extraBarcodes: ['5901234123457'] }), context)).toEqual([]);
  });

  it('refuses more extra barcodes than a product may carry', () => {
    const many = ['40123455', '96385074', '036000291452', '123456789012', '8712345678906', '4000000000020', '5901234123457', '73513537', '0012345678905'];
    expect(fields({ extraBarcodes: many })).toContain('extraBarcodes');
  });

  it('needs a name, within 200 characters, without control characters or surrounding spaces', () => {
    expect(problems({ name: '  ' })).toEqual([{ field: 'name', message: 'Name is required' }]);
    expect(fields({ name: 'x'.repeat(201) })).toEqual(['name']);
    expect(fields({ name: 'Tea\u0007' })).toEqual(['name']);
    expect(fields({ name: ' Tea' })).toEqual(['name']);
    expect(fields({ name: 'x'.repeat(200) })).toEqual([]);
  });

  it('takes a price as whole minor units from 0 up to the cap', () => {
    expect(fields({ price: 3.49 })).toEqual(['price']);
    expect(fields({ price: -1 })).toEqual(['price']);
    expect(fields({ price: Number.NaN })).toEqual(['price']);
    expect(fields({ price: MAX_PRODUCT_PRICE + 1 })).toEqual(['price']);
    expect(fields({ price: 0 })).toEqual([]);
    expect(fields({ price: MAX_PRODUCT_PRICE })).toEqual([]);
  });

  it('refuses an unknown category, unit or tax class', () => {
    expect(problems({ categoryId: 'NOPE' })[0]?.field).toBe('categoryId');
    expect(fields({ categoryId: '' })).toEqual([]);
    expect(fields({ unit: 'litre' as never })).toEqual(['unit']);
    expect(fields({ taxClass: 'luxury' as never })).toEqual(['taxClass']);
  });

  it('takes a picture only as a WebP, JPEG or PNG data URL within the size bound', () => {
    expect(fields({ image: 'data:image/webp;base64,UklGRg==' })).toEqual([]);
    expect(fields({ image: 'data:image/jpeg;base64,/9j/4AAQ' })).toEqual([]);
    expect(fields({ image: 'data:image/svg+xml;base64,PHN2Zz4=' })).toEqual(['image']);
    expect(fields({ image: 'https://example.com/tea.png' })).toEqual(['image']);
    expect(fields({ image: 'data:image/png;base64,<script>' })).toEqual(['image']);
    const big = `data:image/png;base64,${'A'.repeat(MAX_PRODUCT_IMAGE_CHARS)}`;
    expect(problems({ image: big })[0]?.message).toMatch(/too large/);
  });

  it('keeps quick keys in range and on one product each', () => {
    expect(fields({ quickKey: MAX_QUICK_KEY + 1 })).toEqual(['quickKey']);
    expect(fields({ quickKey: 1.5 })).toEqual(['quickKey']);
    expect(problems({ quickKey: 7 })[0]?.message).toBe('Quick key 7 is already on product P-OTHER');
    expect(checkProductDraft(draft({ id: 'P-OTHER', quickKey: 7 }), context)).toEqual([]);
    expect(fields({ quickKey: MAX_QUICK_KEY })).toEqual([]);
  });

  it('refuses a negative or fractional minimum stock, a bad SKU, and a SKU another product has', () => {
    expect(fields({ minStockMilli: -1 })).toEqual(['minStockMilli']);
    expect(fields({ minStockMilli: 0.5 })).toEqual(['minStockMilli']);
    expect(fields({ sku: '' })).toEqual(['sku']);
    expect(fields({ sku: 'has space' })).toEqual(['sku']);
    expect(problems({ sku: 'TAKEN-1' })[0]?.message).toBe('SKU TAKEN-1 is already used by product P-OTHER');
  });

  it('lists every problem at once', () => {
    expect(fields({ name: '', price: -5, barcode: '4006381333932', unit: 'box' as never })).toEqual(['barcode', 'name', 'price', 'unit']);
  });
});

describe('buildProductDoc', () => {
  it('stores the draft in the store currency with a search text over name, SKU and every barcode', () => {
    const doc = buildProductDoc(draft(), { id: 'P-1', currency: 'EUR', at: '2026-01-01T00:00:00.000Z', by: 'U-1' });
    expect(doc).toMatchObject({ id: 'P-1', currency: 'EUR', price: 349, updatedBy: 'U-1', imageUrl: '' });
    expect(doc.searchText).toBe('green tea 20 bags tea-00001 4006381333931 96385074');
    expect(draftOf(doc)).toEqual({ ...draft(), id: 'P-1' });
  });

  it('keeps the search text within what the store allows', () => {
    const text = productSearchText({ name: 'x'.repeat(200), sku: 'S'.repeat(32), barcode: '4006381333931', extraBarcodes: Array(8).fill('4006381333931') });
    expect(text.length).toBe(300);
  });

  it('keeps the fields no draft carries from the version it replaces', () => {
    const previous = { imageUrl: 'https://cdn/old.png' } as ProductDoc;
    expect(buildProductDoc(draft(), { id: 'P-1', currency: 'EUR', at: 'x', by: 'U', previous }).imageUrl).toBe('https://cdn/old.png');
  });
});
