/**
 * Shifts and cash control through the core's one door: the float counted by denomination, sales and a refund in
 * cash and by card, paid-ins, paid-outs and a no-sale, the X report, the close with a variance a manager approves,
 * the Z report and its reprint — every amount checked against the test's own sums over the stored documents.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleDoc, ShiftDoc } from '../../../shared/model';
import { openCardTill } from '../payments/test-support/stand-in-processor';
import type { TempTill } from '../test-support/temp-till';
import { toCounts } from './test-support/drawer-counts';

let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

const CLERK = 'clerk-screen';
const FLOAT = [
  { value: 2000, count: 2 },
  { value: 1000, count: 3 },
  { value: 200, count: 5 },
  { value: 50, count: 4 },
]; // 40 + 30 + 10 + 2 = 82.00

async function sell(t: TempTill, tenders: (total: number, cashTotal: number) => { method: 'cash' | 'card'; amount: number }[], items = 1) {
  const products = (await t.must(CLERK, 'catalog.search', { query: '', limit: 10 })).items;
  let cart = await t.must(CLERK, 'cart.get', {});
  for (let i = 0; i < items; i++) cart = await t.must(CLERK, 'cart.addProduct', { productId: products[i]!.id });
  return t.must(CLERK, 'checkout.pay', { cartRevision: cart.revision, tenders: tenders(cart.total, cart.cashTotal) });
}

async function shiftSales(t: TempTill, shift: ShiftDoc): Promise<SaleDoc[]> {
  const all = (await t.db.sales.find().exec()).map((d) => d.toMutableJSON() as SaleDoc);
  return all.filter((s) => s.terminalId === shift.terminalId && s.createdAt >= shift.openedAt && (shift.status === 'open' || s.createdAt <= shift.closedAt));
}

/** The test's own cash rule over raw documents: float + cash kept by sales − cash refunded + paid-ins − paid-outs. */
function expectedCash(shift: ShiftDoc, sales: SaleDoc[]): number {
  const cash = (kind: 'sale' | 'return') =>
    sales.filter((s) => s.kind === kind).reduce((sum, s) => sum + s.tenders.filter((t) => t.method === 'cash').reduce((a, t) => a + t.amount, 0), 0);
  const moved = (kind: string) => shift.movements.filter((m) => m.kind === kind).reduce((sum, m) => sum + m.amount, 0);
  return shift.openingFloat + cash('sale') - cash('return') + moved('paid_in') - moved('paid_out');
}

describe('shifts and cash control', () => {
  it('opens with a counted float, moves cash, reports X and Z with the expected cash and a variance a manager approves, once', async () => {
    till = await openCardTill({ demo: true, demoProducts: 30 });
    await till.must(CLERK, 'auth.login', { username: 'clara', secret: '1234' });
    expect((await till.must(CLERK, 'shifts.current', {})).shift).toBeNull();
    expect(await till.call(CLERK, 'shifts.open', { counts: [{ value: 3, count: 1 }] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    const opened = await till.must(CLERK, 'shifts.open', { counts: FLOAT });
    expect(opened).toMatchObject({ status: 'open', openingFloat: 8200, openedByName: 'Clara Clerk' });
    expect(await till.call(CLERK, 'shifts.open', { counts: FLOAT })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const cashSale = await sell(till, (_total, cashTotal) => [{ method: 'cash', amount: cashTotal + 1000 }], 2);
    expect(cashSale.changeDue).toBe(1000);
    await sell(till, (total) => [{ method: 'card', amount: total }]);
    await sell(till, (total) => [{ method: 'card', amount: Math.floor(total / 2) }, { method: 'cash', amount: total }], 3);
    await till.must(CLERK, 'shifts.cashMovement', { kind: 'paid_in', amount: 2500, reason: 'Change from the bank' });
    await till.must(CLERK, 'shifts.cashMovement', { kind: 'paid_out', amount: 700, reason: 'Window cleaner' });
    await till.must(CLERK, 'shifts.noSale', { reason: 'Change for a customer' });
    expect(await till.call(CLERK, 'shifts.cashMovement', { kind: 'paid_out', amount: 10_000_000, reason: 'Too much' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    // A cash refund of the first sale's first line, approved by a manager logged in on another screen of this till.
    await till.must('manager-screen', 'auth.login', { username: 'maria', secret: '4321' });
    await till.must('manager-screen', 'returns.create', { saleId: cashSale.receipt.saleId, lines: [{ lineIndex: 0, qtyMilli: 1000 }], refundTo: 'cash' });
    await till.must(CLERK, 'auth.login', { username: 'clara', secret: '1234' });

    const x = await till.must(CLERK, 'shifts.xReport', {});
    let shift = (await till.db.shifts.findOne(opened.shiftId).exec())!.toMutableJSON() as ShiftDoc;
    let sales = await shiftSales(till, shift);
    expect(sales).toHaveLength(4);
    expect(x).toMatchObject({ kind: 'X', transactions: 3, returnsCount: 1, noSales: 1 });
    expect(x.cash).toMatchObject({ openingFloat: 8200, paidIn: 2500, paidOut: 700, counted: null, expected: expectedCash(shift, sales) });

    // Counted 30.00 short: more than the store's default limit of 5.00.
    const expected = expectedCash(shift, sales);
    const short = expected - 3000;
    const counts = toCounts(short);
    const refused = await till.call(CLERK, 'shifts.close', { shiftId: shift.id, counts });
    expect(refused).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(!refused.ok && refused.error.message).toMatch(/30\.00 short/);
    const wrong = await till.call(CLERK, 'shifts.close', { shiftId: shift.id, counts, approval: { username: 'carl', secret: '2345' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await till.must(CLERK, 'shifts.current', {})).shift?.status).toBe('open');

    const z = await till.must(CLERK, 'shifts.close', { shiftId: shift.id, counts, approval: { username: 'maria', secret: '4321' } });
    shift = (await till.db.shifts.findOne(opened.shiftId).exec())!.toMutableJSON() as ShiftDoc;
    sales = await shiftSales(till, shift);
    expect(shift).toMatchObject({ status: 'closed', countedCash: short, expectedCash: expected, variance: -3000, zNumber: 1, varianceApprovedBy: 'DEMO-U3' });
    const sum = (list: SaleDoc[], f: (s: SaleDoc) => number) => list.reduce((a, s) => a + f(s), 0);
    const salesOnly = sales.filter((s) => s.kind === 'sale');
    const returnsOnly = sales.filter((s) => s.kind === 'return');
    expect(z).toMatchObject({
      kind: 'Z',
      reprint: false,
      zNumber: 1,
      transactions: salesOnly.length,
      returnsCount: returnsOnly.length,
      gross: sum(salesOnly, (s) => s.subtotal),
      discounts: sum(salesOnly, (s) => s.discountTotal),
      returns: sum(returnsOnly, (s) => s.total),
      net: sum(salesOnly, (s) => s.total) - sum(returnsOnly, (s) => s.total),
      varianceApprovedByName: 'Maria Manager',
      cash: { expected, counted: short, variance: -3000 },
    });
    const byMethod = (method: string, kind: 'sale' | 'return') =>
      sum(sales.filter((s) => s.kind === kind), (s) => s.tenders.filter((t) => t.method === method).reduce((a, t) => a + t.amount, 0));
    expect(z.tenders).toEqual([
      { method: 'card', taken: byMethod('card', 'sale'), refunded: byMethod('card', 'return') },
      { method: 'cash', taken: byMethod('cash', 'sale'), refunded: byMethod('cash', 'return') },
    ]);
    expect(z.tax.reduce((a, t) => a + t.tax, 0)).toBe(sum(salesOnly, (s) => s.taxTotal) - sum(returnsOnly, (s) => s.taxTotal));

    // One Z per shift: closing again is refused; a manager reprints the same Z, marked as a reprint.
    const again = await till.call(CLERK, 'shifts.close', { shiftId: shift.id, counts });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!again.ok && again.error.message).toMatch(/Z report 1/);
    expect(await till.call(CLERK, 'shifts.report', { shiftId: shift.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await till.must('manager-screen', 'auth.login', { username: 'maria', secret: '4321' });
    const reprint = await till.must('manager-screen', 'shifts.report', { shiftId: shift.id });
    expect({ ...reprint, reprint: false }).toEqual(z);
    expect(reprint.reprint).toBe(true);
    const listed = await till.must('manager-screen', 'shifts.list', { from: '2020-01-01', to: '2029-12-31' });
    expect(listed).toEqual([expect.objectContaining({ shiftId: shift.id, zNumber: 1, variance: -3000, status: 'closed' })]);

    const audit = (await till.db.audit_events.find({ selector: { subjectId: shift.id } }).exec()).map((e) => e.type).sort();
    expect(audit).toEqual(['cash.no_sale', 'cash.paid_in', 'cash.paid_out', 'shift.closed', 'shift.opened']);
  });

  it('closes within the limit without a manager, numbers Z reports per terminal, and keeps an open shift across a restart', async () => {
    till = await openCardTill({ demo: true, demoProducts: 30 });
    await till.must(CLERK, 'auth.login', { username: 'clara', secret: '1234' });
    const first = await till.must(CLERK, 'shifts.open', { counts: [{ value: 1000, count: 10 }] });
    await till.reopen();
    await till.must(CLERK, 'auth.login', { username: 'clara', secret: '1234' });
    expect((await till.must(CLERK, 'shifts.current', {})).shift?.shiftId).toBe(first.shiftId);
    const z1 = await till.must(CLERK, 'shifts.close', { shiftId: first.shiftId, counts: [{ value: 1000, count: 10 }, { value: 200, count: 1 }] });
    expect(z1).toMatchObject({ zNumber: 1, cash: { expected: 10_000, counted: 10_200, variance: 200 }, varianceApprovedByName: '' });
    const second = await till.must(CLERK, 'shifts.open', { counts: [] });
    const z2 = await till.must(CLERK, 'shifts.close', { shiftId: second.shiftId, counts: [] });
    expect(z2).toMatchObject({ zNumber: 2, cash: { expected: 0, counted: 0, variance: 0 } });
  });

  it('refuses checkout and returns while the store requires a shift and none is open, with a clear message', async () => {
    till = await openCardTill({ demo: true, demoProducts: 30 });
    await till.must('admin', 'auth.login', { username: 'admin', secret: 'kassa-admin1' });
    await till.must('admin', 'settings.update', { requireOpenShift: true });
    await till.must(CLERK, 'auth.login', { username: 'clara', secret: '1234' });
    const refused = await till.call(CLERK, 'checkout.pay', { cartRevision: 0, tenders: [{ method: 'cash', amount: 100 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NO_OPEN_SHIFT' } });
    expect(!refused.ok && refused.error.message).toMatch(/open a shift/);
    expect(await till.db.sales.count().exec()).toBe(0);
    await till.must(CLERK, 'shifts.open', { counts: [{ value: 500, count: 2 }] });
    const sold = await sell(till, (total) => [{ method: 'card', amount: total }]);
    expect(sold.receipt.number).toMatch(/^T1-/);
  });
});
