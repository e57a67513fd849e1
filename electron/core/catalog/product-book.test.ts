/** The product book's bulk path (imports): all drafts checked first, then written in batches, price changes audited. */
import { afterEach, describe, expect, it } from 'vitest';
import { completeBarcode } from '../../../shared/catalog/barcodes';
import type { ProductDraft } from '../../../shared/catalog/product-draft';
import { fingerprint, openSellingTill, type SellingTill } from '../selling/test-support/selling-till';
import { DraftsRefused, SAVE_BATCH, type SaveManyProgress } from './product-book';

const ROWS = SAVE_BATCH * 2 + 17;

function drafts(count: number, price = (i: number) => 100 + i): ProductDraft[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `IMP-${i}`,
    sku: `IMP-${String(i).padStart(5, '0')}`,
    barcode: completeBarcode('ean13', `4100${String(i).padStart(8, '0')}`),
    extraBarcodes: [],
    name: `Imported item ${i}`,
    description: '',
    categoryId: 'DEMO-CFRU',
    price: price(i),
    taxClass: 'standard',
    unit: 'piece',
    image: '',
    minStockMilli: 0,
    quickKey: 0,
    active: true,
  }));
}

let till: SellingTill;

describe('product book: many at once', () => {
  afterEach(async () => {
    await till?.dispose();
  });

  it('refuses the whole list when one row is bad or two rows claim one barcode, writing nothing', async () => {
    till = await openSellingTill();
    const before = await fingerprint(till);
    const list = drafts(ROWS);
    list[ROWS - 1] = { ...list[ROWS - 1]!, price: -1 };
    list[5] = { ...list[5]!, extraBarcodes: [list[3]!.barcode] };
    const preview = await till.core.products.checkMany(list);
    const refused = await till.core.products.saveMany(list, 'U-TEST').catch((e: unknown) => e);
    expect((refused as DraftsRefused).problems).toEqual(preview);
    expect(refused).toBeInstanceOf(DraftsRefused);
    expect((refused as DraftsRefused).problems.map((p) => [p.row, p.field])).toEqual([
      [5, 'extraBarcodes'],
      [ROWS - 1, 'price'],
    ]);
    expect((refused as DraftsRefused).code).toBe('BAD_INPUT');
    expect(await fingerprint(till)).toEqual(before);
  });

  it('lets one row take a barcode another row of the same list gives up', async () => {
    till = await openSellingTill();
    const [a, b] = drafts(2);
    await till.core.products.saveMany([a!], 'U-TEST');
    const moved = completeBarcode('ean13', '410099999999');
    const result = await till.core.products.saveMany([{ ...a!, barcode: moved }, { ...b!, barcode: a!.barcode }], 'U-TEST');
    expect(result).toMatchObject({ created: 1, updated: 1 });
    expect(till.core.products.catalog.barcodeOwner(a!.barcode)).toBe(b!.id);
    // Without the first row, the code is still the first product's.
    expect(till.core.products.catalog.barcodeOwner(moved)).toBe(a!.id);
    const refused = await till.core.products.saveMany([{ ...b!, extraBarcodes: [moved] }], 'U-TEST').catch((e: unknown) => e);
    expect((refused as DraftsRefused).problems).toEqual([{ row: 0, field: 'extraBarcodes', message: `Barcode ${moved} already belongs to product ${a!.id}` }]);
  });

  it('creates, then updates in batches: price changes audited with old and new, one summary per import', async () => {
    till = await openSellingTill();
    const progress: SaveManyProgress[] = [];
    const created = await till.core.products.saveMany(drafts(ROWS), 'U-TEST', (p) => progress.push(p));
    expect(created).toEqual({ created: ROWS, updated: 0, unchanged: 0, priceChanged: 0 });
    expect(progress.map((p) => p.done)).toEqual([SAVE_BATCH, SAVE_BATCH * 2, ROWS]);
    expect((await till.db.products.findByIds(drafts(ROWS).map((d) => d.id!)).exec()).size).toBe(ROWS);

    // Every third price goes up by 10.
    const again = await till.core.products.saveMany(drafts(ROWS, (i) => 100 + i + (i % 3 === 0 ? 10 : 0)), 'U-TEST');
    const raised = Math.ceil(ROWS / 3);
    expect(again).toEqual({ created: 0, updated: raised, unchanged: ROWS - raised, priceChanged: raised });
    const changes = await till.db.audit_events.find({ selector: { type: 'product.price_changed' } }).exec();
    expect(changes).toHaveLength(raised);
    expect(changes.find((e) => e.subjectId === 'IMP-3')?.details).toMatchObject({ oldPrice: 103, newPrice: 113 });
    // Each update counts as an edit, so the sync conflict rule prefers it over an older copy elsewhere.
    expect((await till.db.products.findOne('IMP-3').exec())?.toJSON().edits).toBe(2);
    expect((await till.db.products.findOne('IMP-4').exec())?.toJSON().edits).toBe(1);
    const summaries = await till.db.audit_events.find({ selector: { type: 'products.imported' } }).exec();
    expect(summaries.map((e) => e.details.updated)).toEqual(expect.arrayContaining([0, raised]));

    // The index follows: the clerk's search finds the new price.
    const found = await till.core.dispatch('test:till', 'catalog.search', { query: drafts(4)[3]!.barcode, limit: 1 });
    expect(found).toMatchObject({ ok: true, value: { items: [{ id: 'IMP-3', price: 113 }] } });
  });
});
