/**
 * A stocktake on the real SQLite store: counts compared with on hand when counted, the differences posted as one
 * batch with fixed ids (once, however often it is posted), and a post interrupted by a crash finished on reopen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StockMovementDoc } from '../../../shared/model';
import type { CoreContext } from '../services/core-context';
import { APPLES, BREAD, COFFEE, fingerprint, loginAs, openSellingTill, TILL, type SellingTill } from '../selling/test-support/selling-till';
import { StocktakeRecord } from './stocktake-record';

let till: SellingTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

const onHand = async (t: SellingTill, productId: string) => (await t.must(TILL, 'stock.onHand', { productId })).qtyMilli;

/** Coffee 10 and bread 5 on hand (apples none), maria logged in. */
async function stockedTill(): Promise<SellingTill> {
  const t = await openSellingTill();
  await loginAs(t, 'maria');
  await t.must(TILL, 'stock.adjust', { productId: COFFEE.id, reason: 'received', qtyMilli: 10_000 });
  await t.must(TILL, 'stock.adjust', { productId: BREAD.id, reason: 'received', qtyMilli: 5000 });
  return t;
}

async function sellOneCoffee(t: SellingTill) {
  await loginAs(t, 'clara');
  const cart = await t.must(TILL, 'cart.scan', { code: COFFEE.barcode });
  await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 5000 }] });
  await loginAs(t, 'maria');
}

const movementsOf = async (t: SellingTill, refId: string) =>
  (await t.db.stock_movements.find({ selector: { refId }, sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON() as StockMovementDoc);

describe('stocktake', () => {
  it('shows expected against counted, posts the differences once as one batch, and refuses changes after', async () => {
    till = await stockedTill();
    const started = await till.must(TILL, 'stocktake.start', { categoryId: 'DEMO-CFRU' });
    expect(started).toMatchObject({ status: 'open', categoryId: 'DEMO-CFRU', counted: 0, currency: 'EUR' });
    expect(await till.call(TILL, 'stocktake.start', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const id = started.id;
    await till.must(TILL, 'stocktake.count', { stocktakeId: id, productId: COFFEE.id, countedMilli: 8000 });
    await till.must(TILL, 'stocktake.count', { stocktakeId: id, productId: BREAD.id, countedMilli: 5000 });
    await till.must(TILL, 'stocktake.count', { stocktakeId: id, productId: APPLES.id, countedMilli: 1250 });
    // A coffee sold after it was counted: the shelf had 8 then, so 2 were missing; the sale is not counted twice.
    await sellOneCoffee(till);

    const view = (await till.must(TILL, 'stocktake.get', { query: '', onlyCounted: true, limit: 10 }))!;
    // In name order: apples, coffee beans, rye bread.
    expect(view.lines.map((l) => [l.productId, l.expectedMilli, l.countedMilli, l.differenceMilli, l.differenceValue])).toEqual([
      [APPLES.id, 0, 1250, 1250, 374],
      [COFFEE.id, 10_000, 8000, -2000, -2598],
      [BREAD.id, 5000, 5000, 0, 0],
    ]);
    expect(view).toMatchObject({ counted: 3, differing: 2, valueDifference: -2224 });

    const posted = await till.must(TILL, 'stocktake.post', { stocktakeId: id });
    expect(posted).toEqual({ stocktakeId: id, movements: 2, written: 2, valueDifference: -2224 });
    expect((await movementsOf(till, id)).map((m) => [m.id, m.productId, m.qtyMilli, m.reason])).toEqual([
      [`${id}-K1`, APPLES.id, 1250, 'count'],
      [`${id}-K2`, COFFEE.id, -2000, 'count'],
    ]);
    expect([await onHand(till, COFFEE.id), await onHand(till, BREAD.id), await onHand(till, APPLES.id)]).toEqual([7000, 5000, 1250]);
    const audit = (await till.db.audit_events.findOne(`${id}-A`).exec())!.toJSON();
    expect(audit).toMatchObject({ type: 'stocktake.posted', details: { categoryId: 'DEMO-CFRU', movements: 2, valueDifference: -2224, currency: 'EUR' } });

    const before = await fingerprint(till);
    expect(await till.must(TILL, 'stocktake.post', { stocktakeId: id })).toEqual({ ...posted, written: 0 });
    expect(await till.call(TILL, 'stocktake.count', { stocktakeId: id, productId: COFFEE.id, countedMilli: 1000 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await fingerprint(till)).toEqual(before);
    expect((await till.must(TILL, 'stocktake.get', { query: '', limit: 5 }))!.status).toBe('posted');
  });

  it('counts only what is in scope and well formed, and posts nothing uncounted', async () => {
    till = await stockedTill();
    const { id } = await till.must(TILL, 'stocktake.start', { categoryId: 'DEMO-CFRU' });
    const outside = (await till.db.products.findOne({ selector: { categoryId: { $ne: 'DEMO-CFRU' }, active: true } }).exec())!;
    const before = await fingerprint(till);
    const refusals: [Record<string, unknown>, string][] = [
      [{ stocktakeId: id, productId: outside.id, countedMilli: 1000 }, 'BAD_INPUT'],
      [{ stocktakeId: id, productId: COFFEE.id, countedMilli: 1500 }, 'BAD_INPUT'],
      [{ stocktakeId: id, productId: COFFEE.id, countedMilli: 0.5 }, 'BAD_INPUT'],
      [{ stocktakeId: id, productId: 'NO-SUCH', countedMilli: 1000 }, 'NOT_FOUND'],
      [{ stocktakeId: 'T1-OTHER', productId: COFFEE.id, countedMilli: 1000 }, 'NOT_FOUND'],
    ];
    for (const [input, code] of refusals) expect(await till.call(TILL, 'stocktake.count', input as never), JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
    expect(await till.call(TILL, 'stocktake.post', { stocktakeId: id })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/Count at least one/) } });
    expect(await fingerprint(till)).toEqual(before);
    await till.must(TILL, 'stocktake.cancel', { stocktakeId: id });
    expect(await till.must(TILL, 'stocktake.get', { query: '', limit: 5 })).toBeNull();
    expect(await movementsOf(till, id)).toEqual([]);
  });

  it('finishes a post interrupted by a crash when the till reopens, writing each movement once', async () => {
    till = await stockedTill();
    const { id } = await till.must(TILL, 'stocktake.start', {});
    await till.must(TILL, 'stocktake.count', { stocktakeId: id, productId: COFFEE.id, countedMilli: 6000 });
    await till.must(TILL, 'stocktake.count', { stocktakeId: id, productId: BREAD.id, countedMilli: 7000 });
    // The crash: posting had frozen its movements in the header, and nothing else was written.
    const record = new StocktakeRecord({ db: till.db, now: Date.now, log: { warn() {}, error() {} } } as unknown as CoreContext);
    const header = (await record.readHeader())!;
    const frozen: StockMovementDoc[] = [
      { id: `${id}-K1`, productId: BREAD.id, terminalId: 'T1', qtyMilli: 2000, reason: 'count', refId: id, createdAt: '2026-12-01T10:00:00.000Z', note: 'Stocktake', userId: header.startedBy },
      { id: `${id}-K2`, productId: COFFEE.id, terminalId: 'T1', qtyMilli: -4000, reason: 'count', refId: id, createdAt: '2026-12-01T10:00:00.000Z', note: 'Stocktake', userId: header.startedBy },
    ];
    await record.writeHeader({ ...header, status: 'posting', movements: frozen, valueDifference: -4698 });

    await till.reopen();
    await loginAs(till, 'maria');
    expect((await movementsOf(till, id)).map((m) => [m.id, m.qtyMilli])).toEqual([[`${id}-K1`, 2000], [`${id}-K2`, -4000]]);
    expect([await onHand(till, COFFEE.id), await onHand(till, BREAD.id)]).toEqual([6000, 7000]);
    expect(await till.db.audit_events.findOne(`${id}-A`).exec()).not.toBeNull();
    expect(await till.must(TILL, 'stocktake.post', { stocktakeId: id })).toMatchObject({ movements: 2, written: 0 });
    expect([await onHand(till, COFFEE.id), await onHand(till, BREAD.id)]).toEqual([6000, 7000]);
  });
});
