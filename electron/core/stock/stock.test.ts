/** Stock in the back office through the core's one door, on the real SQLite store: adjustments, low stock, bad input. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ProductDoc } from '../../../shared/model';
import { BREAD, COFFEE, DECLINED, fingerprint, loginAs, openSellingTill, TILL, type SellingTill } from '../selling/test-support/selling-till';

let till: SellingTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

async function managerTill(): Promise<SellingTill> {
  const t = await openSellingTill();
  await loginAs(t, 'maria');
  return t;
}

/** A product edit as the products editor makes it; the catalog index follows the change stream. */
async function editProduct(t: SellingTill, id: string, changes: Partial<ProductDoc>) {
  const doc = await t.db.products.findOne(id).exec();
  await doc!.incrementalPatch(changes);
}

const onHand = async (t: SellingTill, productId: string) => (await t.must(TILL, 'stock.onHand', { productId })).qtyMilli;

describe('stock adjustments', () => {
  it('writes one movement per adjustment with its reason, note and manager, audited, and on hand follows', async () => {
    till = await managerTill();
    const received = await till.must(TILL, 'stock.adjust', { productId: COFFEE.id, reason: 'received', qtyMilli: 12_000, note: 'Delivery 4711' });
    expect(received).toMatchObject({ qtyMilli: 12_000, row: { productId: COFFEE.id, onHandMilli: 12_000 } });
    await till.must(TILL, 'stock.adjust', { productId: COFFEE.id, reason: 'damaged', qtyMilli: 2000 });
    const counted = await till.must(TILL, 'stock.adjust', { productId: COFFEE.id, reason: 'counted', qtyMilli: 7000 });
    expect(counted.qtyMilli).toBe(-3000);
    expect(await onHand(till, COFFEE.id)).toBe(7000);

    const maria = (await till.db.users.findOne({ selector: { username: 'maria' } }).exec())!.id;
    const movements = (await till.db.stock_movements.find({ selector: { productId: COFFEE.id }, sort: [{ createdAt: 'asc' }, { id: 'asc' }] }).exec()).map((d) => d.toJSON());
    expect(movements.map((m) => [m.reason, m.qtyMilli, m.note, m.userId, m.terminalId])).toEqual([
      ['receipt', 12_000, 'Delivery 4711', maria, 'T1'],
      ['damaged', -2000, '', maria, 'T1'],
      ['count', -3000, '', maria, 'T1'],
    ]);
    const audit = await till.db.audit_events.find({ selector: { type: 'stock.adjusted' } }).exec();
    expect(audit.map((a) => [a.actorId, a.subjectId, a.details.reason, a.details.qtyMilli]).sort()).toEqual(
      [[maria, COFFEE.id, 'counted', -3000], [maria, COFFEE.id, 'damaged', -2000], [maria, COFFEE.id, 'received', 12_000]].sort(),
    );
    const page = await till.must(TILL, 'stock.list', { query: 'coffee', limit: 10 });
    expect(page.items.find((r) => r.productId === COFFEE.id)).toMatchObject({ onHandMilli: 7000, minStockMilli: 0, low: false });
  });

  it('weighs kg products to the gram', async () => {
    till = await managerTill();
    await till.must(TILL, 'stock.adjust', { productId: 'TEST-APPLES', reason: 'received', qtyMilli: 12_345 });
    await till.must(TILL, 'stock.adjust', { productId: 'TEST-APPLES', reason: 'damaged', qtyMilli: 345 });
    expect(await onHand(till, 'TEST-APPLES')).toBe(12_000);
  });

  it('refuses bad input and clerks, and writes nothing', async () => {
    till = await managerTill();
    await till.must(TILL, 'stock.adjust', { productId: BREAD.id, reason: 'received', qtyMilli: 5000 });
    await editProduct(till, DECLINED.id, { active: false });
    const before = await fingerprint(till);
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ productId: COFFEE.id, reason: 'received', qtyMilli: 0 }, 'BAD_INPUT', /more than zero/],
      [{ productId: COFFEE.id, reason: 'damaged', qtyMilli: 1500 }, 'BAD_INPUT', /whole/],
      [{ productId: COFFEE.id, reason: 'received', qtyMilli: 2.5 }, 'BAD_INPUT', /./],
      [{ productId: COFFEE.id, reason: 'received', qtyMilli: -1000 }, 'BAD_INPUT', /./],
      [{ productId: COFFEE.id, reason: 'stolen', qtyMilli: 1000 }, 'BAD_INPUT', /./],
      [{ productId: 'NO-SUCH-PRODUCT', reason: 'received', qtyMilli: 1000 }, 'NOT_FOUND', /No product/],
      [{ productId: DECLINED.id, reason: 'received', qtyMilli: 1000 }, 'BAD_INPUT', /archived/],
      [{ productId: BREAD.id, reason: 'counted', qtyMilli: 5000 }, 'BAD_INPUT', /nothing to change/],
    ];
    for (const [input, code, message] of refusals) {
      const result = await till.call(TILL, 'stock.adjust', input as never);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    }
    expect(await fingerprint(till)).toEqual(before);
    await loginAs(till, 'clara');
    const asClerk = await fingerprint(till);
    expect(await till.call(TILL, 'stock.adjust', { productId: COFFEE.id, reason: 'received', qtyMilli: 1000 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fingerprint(till)).toEqual(asClerk);
  });
});

describe('low stock', () => {
  it('lists active products below their minimum, furthest below first, and drops them once stocked', async () => {
    till = await managerTill();
    await editProduct(till, COFFEE.id, { minStockMilli: 5000 });
    await editProduct(till, BREAD.id, { minStockMilli: 10_000 });
    await editProduct(till, DECLINED.id, { minStockMilli: 5000, active: false });
    await till.must(TILL, 'stock.adjust', { productId: BREAD.id, reason: 'received', qtyMilli: 8000 });
    await till.must(TILL, 'stock.adjust', { productId: COFFEE.id, reason: 'received', qtyMilli: 1000 });
    const low = await till.must(TILL, 'stock.low', { limit: 50 });
    // Coffee has 1 of 5 (20 %), bread 8 of 10 (80 %); the archived wine is left out; demo products have no minimum.
    expect(low.items.map((r) => [r.productId, r.onHandMilli, r.minStockMilli])).toEqual([
      [COFFEE.id, 1000, 5000],
      [BREAD.id, 8000, 10_000],
    ]);
    await till.must(TILL, 'stock.adjust', { productId: COFFEE.id, reason: 'received', qtyMilli: 4000 });
    expect((await till.must(TILL, 'stock.low', { limit: 50 })).items.map((r) => r.productId)).toEqual([BREAD.id]);
  });
});
