/** A generated 100,000-row catalog file imports whole into a real store, and the catalog search finds its products. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import { openTempTill, type TempTill } from '../test-support/temp-till';
import { generatedCatalogCsv, sendFile } from './test-support/import-file';

const M = 'manager-screen';
const ROWS = 100_000;
let till: TempTill;

beforeAll(async () => {
  till = await openTempTill({ demo: true, demoProducts: 0 });
  await till.must(M, 'auth.login', { username: 'maria', secret: '4321' });
});
afterAll(async () => {
  await till.dispose();
});

describe('a 100,000-row catalog file', () => {
  it('is checked clean, written whole, and found by the search', async () => {
    const before = await till.db.products.count().exec();
    const report = await sendFile(till.core, M, generatedCatalogCsv(ROWS));
    expect(report).toMatchObject({ rows: ROWS, good: ROWS, bad: 0, newProducts: ROWS, problemCount: 0, fileProblems: [] });
    const done = await till.must(M, 'catalogImport.commit', { jobId: report.jobId, mode: 'clean' });
    expect(done).toMatchObject({ state: 'done', written: ROWS, result: { created: ROWS, updated: 0, unchanged: 0 } });
    expect(await till.db.products.count().exec()).toBe(before + ROWS);

    // The file is the generated catalog as exported: its products, ids and all, are in the store and the index.
    const { products } = generateCatalog({ products: ROWS, seed: 77, idPrefix: 'GEN' });
    for (const product of [products[0]!, products[49_999]!, products[ROWS - 1]!]) {
      const stored = (await till.db.products.findOne(product.id).exec())!.toMutableJSON();
      expect(stored).toMatchObject({ sku: product.sku, name: product.name, price: product.price, barcode: product.barcode, unit: product.unit });
      for (const query of [product.sku, product.barcode]) {
        const found = await till.must(M, 'catalog.search', { query, limit: 5 });
        expect(found.items[0]?.id, query).toBe(product.id);
      }
    }
  }, 300_000);
});
