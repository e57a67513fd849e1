/** The back office's products on a real store: saving, refusing, archiving, auditing prices, scanning extra barcodes. */
import { afterEach, describe, expect, it } from 'vitest';
import { completeBarcode } from '../../../shared/catalog/barcodes';
import type { ProductDraft } from '../../../shared/catalog/product-draft';
import { MAX_QUICK_KEY } from '../../../shared/model';
import { COFFEE, fingerprint, loginAs, openSellingTill, TILL, type SellingTill } from '../selling/test-support/selling-till';

/** A terminal has one session at a time: the manager works the back office and sells at the same till here. */
const OFFICE = TILL;
const TEA = completeBarcode('ean13', '400000000100');
const TEA_SUPPLIER = completeBarcode('ean8', '4000010');

const teaDraft = (more: Partial<ProductDraft> = {}): ProductDraft => ({
  sku: 'TEA-00001',
  barcode: TEA,
  extraBarcodes: [TEA_SUPPLIER],
  name: 'Office green tea 20 bags',
  description: 'Loose leaf',
  categoryId: 'DEMO-CFRU',
  price: 349,
  taxClass: 'reduced',
  unit: 'piece',
  image: '',
  minStockMilli: 0,
  quickKey: 0,
  active: true,
  ...more,
});

let till: SellingTill;
let maria: string;

async function openOffice(): Promise<SellingTill> {
  till = await openSellingTill();
  await loginAs(till, 'maria');
  maria = (await till.db.users.findOne({ selector: { username: 'maria' } }).exec())!.id;
  return till;
}

const auditOf = async (type: string) =>
  (await till.db.audit_events.find({ selector: { type } }).exec()).map((d) => ({ subjectId: d.subjectId, actorId: d.actorId, details: { ...d.details } }));

describe('products in the back office', () => {
  afterEach(async () => {
    await till?.dispose();
  });

  it('creates a product a clerk can then sell by its main or an extra barcode', async () => {
    await openOffice();
    const saved = await till.must(OFFICE, 'products.save', teaDraft());
    expect(saved).toMatchObject({ sku: 'TEA-00001', price: 349, currency: 'EUR', extraBarcodes: [TEA_SUPPLIER], active: true });
    expect(await auditOf('product.created')).toEqual([
      { subjectId: saved.id, actorId: maria, details: { sku: 'TEA-00001', name: 'Office green tea 20 bags', price: 349, currency: 'EUR' } },
    ]);
    const cart = await till.must(TILL, 'cart.scan', { code: TEA_SUPPLIER });
    expect(cart.lines.map((l) => [l.productId, l.unitPrice])).toEqual([[saved.id, 349]]);
    const found = await till.must(TILL, 'catalog.search', { query: TEA_SUPPLIER, limit: 5 });
    expect(found.items.map((p) => p.id)).toEqual([saved.id]);
  });

  it('refuses bad input with every problem named, and writes nothing', async () => {
    await openOffice();
    const before = await fingerprint(till);
    const bad = await till.call(OFFICE, 'products.save', teaDraft({ barcode: completeBarcode('ean13', '400000000100').slice(0, 12) + '0', name: '', price: 3.49 }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (bad.ok) return;
    expect(bad.error.message).toMatch(/check digit is wrong/);
    expect(bad.error.message).toMatch(/Name is required/);
    expect(bad.error.message).toMatch(/Price: a whole number/);
    // A barcode another product holds (the test coffee), and a category the store does not have.
    const taken = await till.call(OFFICE, 'products.save', teaDraft({ extraBarcodes: [COFFEE.barcode], categoryId: 'NOPE' }));
    expect(taken).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining(`Barcode ${COFFEE.barcode} already belongs to product ${COFFEE.id}`) } });
    const key = await till.call(OFFICE, 'products.save', teaDraft({ quickKey: MAX_QUICK_KEY + 1 }));
    expect(key).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await fingerprint(till)).toEqual(before);
    await loginAs(till, 'clara');
    const beforeClerk = await fingerprint(till);
    const clerk = await till.call(TILL, 'products.save', teaDraft());
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fingerprint(till)).toEqual(beforeClerk);
  });

  it('refuses a second product with the barcode the first one was just given', async () => {
    await openOffice();
    await till.must(OFFICE, 'products.save', teaDraft());
    const twin = await till.call(OFFICE, 'products.save', teaDraft({ sku: 'TEA-00002', barcode: '', extraBarcodes: [TEA] }));
    expect(twin).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining(`Barcode ${TEA} already belongs`) } });
  });

  it('audits a price change with the old and new price, and the next sale uses the new price', async () => {
    await openOffice();
    const coffee = await till.must(OFFICE, 'products.get', { id: COFFEE.id });
    const { updatedAt: _u, updatedBy: _b, currency: _c, ...draft } = coffee;
    await till.must(OFFICE, 'products.save', { ...draft, price: 1399 });
    expect(await auditOf('product.price_changed')).toEqual([
      { subjectId: COFFEE.id, actorId: maria, details: { sku: COFFEE.sku, oldPrice: 1299, newPrice: 1399, currency: 'EUR' } },
    ]);
    expect(await auditOf('product.updated')).toEqual([{ subjectId: COFFEE.id, actorId: maria, details: { sku: COFFEE.sku, fields: 'price' } }]);
    const cart = await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    expect(cart.lines[0]?.unitPrice).toBe(1399);
    // Saving the same again changes nothing and audits nothing.
    const before = await fingerprint(till);
    await till.must(OFFICE, 'products.save', { ...draft, price: 1399 });
    expect(await fingerprint(till)).toEqual(before);
  });

  it('archives: listed as archived in the back office, never sold or found at the till; restore brings it back', async () => {
    await openOffice();
    await till.must(OFFICE, 'products.save', { ...teaDraft(), id: undefined, quickKey: 3 });
    const [tea] = (await till.must(OFFICE, 'products.list', { query: 'office green', limit: 10 })).items;
    expect(tea).toMatchObject({ sku: 'TEA-00001', active: true, quickKey: 3 });
    expect((await till.must(TILL, 'catalog.quickKeys', {}))[0]?.id).toBe(tea!.id);

    const archived = await till.must(OFFICE, 'products.archive', { id: tea!.id });
    expect(archived).toMatchObject({ active: false, quickKey: 0 });
    expect(await till.call(TILL, 'cart.scan', { code: TEA })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer for sale/) } });
    expect((await till.must(TILL, 'catalog.search', { query: 'office green', limit: 10 })).total).toBe(0);
    expect((await till.must(TILL, 'catalog.quickKeys', {})).some((p) => p.id === tea!.id)).toBe(false);
    const lists = async (status: 'active' | 'archived' | 'all') => (await till.must(OFFICE, 'products.list', { query: 'office green', status, limit: 10 })).total;
    expect([await lists('active'), await lists('archived'), await lists('all')]).toEqual([0, 1, 1]);
    expect((await auditOf('product.archived')).map((e) => e.subjectId)).toEqual([tea!.id]);

    await till.must(OFFICE, 'products.restore', { id: tea!.id });
    expect((await till.must(TILL, 'cart.scan', { code: TEA })).lines.map((l) => l.productId)).toEqual([tea!.id]);
  });

  it('shows a product\'s picture on its quick key', async () => {
    await openOffice();
    const image = 'data:image/webp;base64,UklGRhYAAABXRUJQVlA4TAoAAAAvAAAAAEX/I/of';
    const tea = await till.must(OFFICE, 'products.save', teaDraft({ image, quickKey: 1 }));
    expect(tea.image).toBe(image);
    const [first] = await till.must(TILL, 'catalog.quickKeys', {});
    expect(first).toMatchObject({ id: tea.id, imageUrl: image });
  });

  it('keeps categories with a colour and an order, refusing a bad colour or an incomplete order', async () => {
    await openOffice();
    const snacks = await till.must(OFFICE, 'categories.save', { name: 'Snacks', color: '#aa3300' });
    expect(snacks).toMatchObject({ name: 'Snacks', color: '#AA3300' });
    expect(await till.call(OFFICE, 'categories.save', { name: 'Sweets', color: 'red' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/Colour/) } });
    const ids = (await till.must(TILL, 'catalog.categories', {})).map((c) => c.id);
    expect(ids.at(-1)).toBe(snacks.id);
    expect(await till.call(OFFICE, 'categories.reorder', { ids: ids.slice(1) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await till.must(OFFICE, 'categories.reorder', { ids: [snacks.id, ...ids.slice(0, -1)] });
    expect((await till.must(TILL, 'catalog.categories', {})).map((c) => c.id)).toEqual([snacks.id, ...ids.slice(0, -1)]);
  });
});
