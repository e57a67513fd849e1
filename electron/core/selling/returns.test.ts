/** Returns through the core: look up, partial return, the rest, refusal beyond, approval, refunds and stock. */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleDoc } from '../../../shared/model';
import type { TempTill } from '../test-support/temp-till';
import { BREAD, COFFEE, fingerprint, loginAs, openSellingTill, SALE_COLLECTIONS, TILL } from './test-support/selling-till';

let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

const MARIA = { username: 'maria', secret: '4321' };

/** Sells 3 coffees and 1 bread with a 10 % sale discount: card 30.00, the rest cash. */
async function sellBasket(t: TempTill) {
  for (const code of [COFFEE.barcode, COFFEE.barcode, COFFEE.barcode, BREAD.barcode]) await t.must(TILL, 'cart.scan', { code });
  const cart = await t.must(TILL, 'cart.setCartDiscount', { discount: { kind: 'percent', bp: 1000 } });
  // 38.97 + 2.49 = 41.46, less 4.15 → 37.31; coffees 35.07 (3 × 11.69), bread 2.24.
  expect(cart.total).toBe(3731);
  return t.must(TILL, 'checkout.pay', {
    cartRevision: cart.revision,
    tenders: [
      { method: 'card', amount: 3000 },
      { method: 'cash', amount: 1000 },
    ],
  });
}

describe('returns', () => {
  it('returns part of a sale, then the rest, then refuses anything beyond, each its own numbered document', async () => {
    till = await openSellingTill();
    const sale = (await sellBasket(till)).receipt;
    await loginAs(till, 'maria'); // a manager's own session approves
    const found = await till.must(TILL, 'returns.lookup', { number: sale.number });
    expect(found).toMatchObject({ saleId: sale.saleId, methods: ['card', 'cash'] });
    expect(found.lines.map((l) => [l.name, l.soldQtyMilli, l.returnableQtyMilli])).toEqual([
      [COFFEE.name, 3000, 3000],
      [BREAD.name, 1000, 1000],
    ]);

    const first = await till.must(TILL, 'returns.create', { saleId: sale.saleId, lines: [{ lineIndex: 0, qtyMilli: 1000 }], refundTo: 'original' });
    expect(first.receipt).toMatchObject({ number: 'T1-000002', kind: 'return', refNumber: sale.number, total: 1169, payments: [{ method: 'card', amount: -1169, status: 'captured', card: 'Visa \u2022\u2022\u2022\u2022 4242', offline: false }] });
    expect((await till.must(TILL, 'returns.lookup', { number: sale.number })).lines[0]).toMatchObject({ returnedQtyMilli: 1000, returnableQtyMilli: 2000 });

    const rest = await till.must(TILL, 'returns.create', {
      saleId: sale.saleId,
      lines: [
        { lineIndex: 0, qtyMilli: 2000 },
        { lineIndex: 1, qtyMilli: 1000 },
      ],
      refundTo: 'original',
    });
    // 35.07 − 11.69 = 23.38 for the coffees, 2.24 for the bread: 25.62. The card paid 30.00 and got 11.69 back, so
    // 18.31 more goes to it and 7.31 in cash (rounded to 7.30).
    expect(rest.receipt).toMatchObject({ number: 'T1-000003', total: 2562, cashRounding: -1 });
    expect(rest.receipt.payments).toEqual([
      { method: 'card', amount: -1831, status: 'captured', card: 'Visa \u2022\u2022\u2022\u2022 4242', offline: false },
      { method: 'cash', amount: -730, status: 'captured', card: '', offline: false },
    ]);

    const before = await fingerprint(till, SALE_COLLECTIONS);
    const beyond = await till.call(TILL, 'returns.create', { saleId: sale.saleId, lines: [{ lineIndex: 1, qtyMilli: 1000 }], refundTo: 'cash' });
    expect(beyond).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('returned already') } });
    expect(await fingerprint(till, SALE_COLLECTIONS)).toEqual(before);

    expect((await till.must(TILL, 'stock.onHand', { productId: COFFEE.id })).qtyMilli).toBe(0);
    const returns = (await till.db.sales.find({ selector: { refSaleId: sale.saleId }, sort: [{ createdAt: 'asc' }, { id: 'asc' }] }).exec()).map((d) => d.toMutableJSON() as SaleDoc);
    expect(returns.reduce((sum, r) => sum + r.total, 0)).toBe(3731);
    expect(returns.every((r) => r.approvedBy === 'DEMO-U3' && r.clerkId === 'DEMO-U3')).toBe(true);
    const movements = await till.db.stock_movements.find({ selector: { refId: returns[1]!.id }, sort: [{ id: 'asc' }] }).exec();
    expect(movements.map((m) => [m.productId, m.qtyMilli, m.reason])).toEqual([
      [COFFEE.id, 2000, 'return'],
      [BREAD.id, 1000, 'return'],
    ]);
    const audit = await till.db.audit_events.findOne(`${returns[0]!.id}-A`).exec();
    expect(audit).toMatchObject({ type: 'return.created', details: { refSaleId: sale.saleId, approverId: 'DEMO-U3' } });
    expect(await till.call(TILL, 'returns.lookup', { number: 'T1-000002' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('is a return receipt') } });
  });

  it('needs a manager when a clerk does the return; refunds in cash on request', async () => {
    till = await openSellingTill();
    const sale = (await sellBasket(till)).receipt;
    const request = { saleId: sale.saleId, lines: [{ lineIndex: 1, qtyMilli: 1000 }], refundTo: 'cash' as const };
    const before = await fingerprint(till, SALE_COLLECTIONS);
    expect(await till.call(TILL, 'returns.create', request)).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(await till.call(TILL, 'returns.create', { ...request, approval: { ...MARIA, secret: '1111' } })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect(await fingerprint(till, ['sales', 'payments', 'stock_movements'])).toEqual({
      sales: before.sales,
      payments: before.payments,
      stock_movements: before.stock_movements,
    });
    const done = await till.must(TILL, 'returns.create', { ...request, approval: MARIA });
    expect(done.receipt).toMatchObject({ total: 224, cashRounding: 1, payments: [{ method: 'cash', amount: -225 }], clerkName: 'Clara Clerk' });
    const doc = await till.db.sales.findOne(done.receipt.saleId).exec();
    expect(doc).toMatchObject({ clerkId: 'DEMO-U1', approvedBy: 'DEMO-U3', kind: 'return', seq: 2 });
    expect(await till.call(TILL, 'returns.lookup', { number: 'T1-000099' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
