/** Catalog search through the core: the index is built from the store and follows its change stream. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TempTill } from '../test-support/temp-till';
import { BREAD, COFFEE, openSellingTill, productDoc, TILL } from './test-support/selling-till';

let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

const search = async (t: TempTill, query: string, more: { categoryId?: string; limit?: number } = {}) =>
  (await t.must(TILL, 'catalog.search', { query, limit: more.limit ?? 20, ...(more.categoryId ? { categoryId: more.categoryId } : {}) })).items.map((p) => p.id);

/** The index follows the store's change stream, a moment after the write: waits until a search shows the change. */
const searchFinds = (t: TempTill, query: string, ids: string[]) =>
  vi.waitFor(async () => expect(await search(t, query)).toEqual(ids), { timeout: 5_000, interval: 10 });

describe('catalog search', () => {
  it('finds by name prefix, typo, barcode and SKU, filters by category, and counts', async () => {
    till = await openSellingTill();
    expect(await search(till, 'test cof')).toEqual([COFFEE.id]);
    expect(await search(till, 'tset coffe')).toEqual([COFFEE.id]);
    expect(await search(till, BREAD.barcode)).toEqual([BREAD.id]);
    // SKU prefix (apples' SKU is 00777), in name order: coffee beans, red wine, rye bread.
    expect(await search(till, 'tst-0000')).toEqual([COFFEE.id, 'TEST-WINE', BREAD.id]);
    expect(await search(till, 'test', { categoryId: 'DEMO-CFRU' })).toHaveLength(4);
    expect(await search(till, 'test', { categoryId: 'DEMO-CVEG' })).toEqual([]);
    const page = await till.must(TILL, 'catalog.search', { query: '', limit: 5, offset: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(30 + 3 + 4);

    const categories = await till.must(TILL, 'catalog.categories', {});
    expect(categories.map((c) => c.sortOrder)).toEqual([...categories.map((c) => c.sortOrder)].sort((a, b) => a - b));
    expect(categories.reduce((sum, c) => sum + c.productCount, 0)).toBe(37);
    const keys = await till.must(TILL, 'catalog.quickKeys', {});
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThanOrEqual(24);
    expect(keys[0]!.unit).toBe('kg');
  });

  it('follows inserts, updates and deletes of the products collection', async () => {
    till = await openSellingTill();
    await till.db.products.insert(productDoc({ ...COFFEE, id: 'TEST-TEA', name: 'Test green tea', barcode: '', sku: 'TST-00009' }));
    await searchFinds(till, 'green tea', ['TEST-TEA']);

    const coffee = await till.db.products.findOne(COFFEE.id).exec();
    await coffee!.incrementalPatch({ name: 'Test espresso beans' });
    await searchFinds(till, 'espresso', [COFFEE.id]);
    expect(await search(till, 'coffee beans')).toEqual([]);
    // The scanner sees the new name at once.
    expect((await till.must(TILL, 'cart.scan', { code: COFFEE.barcode })).lines[0]!.name).toBe('Test espresso beans');

    await coffee!.getLatest().incrementalPatch({ active: false });
    await searchFinds(till, 'espresso', []);
    expect(await till.call(TILL, 'cart.scan', { code: COFFEE.barcode })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('no longer for sale') } });

    await (await till.db.products.findOne('TEST-TEA').exec())!.remove();
    await searchFinds(till, 'green tea', []);
    expect(await till.call(TILL, 'cart.addProduct', { productId: 'TEST-TEA' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
