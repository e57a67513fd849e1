/** Selling through the core's one door on a real SQLite store: scan, cart, pay, and what a sale leaves behind. */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleDoc } from '../../../shared/model';
import type { TempTill } from '../test-support/temp-till';
import type { CardProcessor, ProcessorOutcome } from '../payments/card-processor';
import { cashTender } from '../../../shared/sale/sale-tender';
import { saleDoc } from './test-support/sale-doc';
import { chargesIn } from '../payments/test-support/stand-in-processor';
import { BREAD, COFFEE, DECLINED, fingerprint, MONEY_COLLECTIONS, openSellingTill, SALE_COLLECTIONS, TILL, type SellingTill } from './test-support/selling-till';

let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

async function ringUp(t: TempTill, codes: string[]) {
  let view = await t.must(TILL, 'cart.get', {});
  for (const code of codes) view = await t.must(TILL, 'cart.scan', { code });
  return view;
}

async function salesOf(t: TempTill): Promise<SaleDoc[]> {
  return (await t.db.sales.find({ sort: [{ createdAt: 'asc' }] }).exec()).map((d) => d.toMutableJSON() as SaleDoc);
}

describe('scan, cart and cash', () => {
  it('scans items into the cart, totals them with tax and cash rounding, takes cash and gives change', async () => {
    till = await openSellingTill();
    const cart = await ringUp(till, [COFFEE.barcode, ` ${COFFEE.barcode}\r\n`, BREAD.barcode]);
    // Two coffees on one line; prices include tax: 25.98 holds 4.15 at 19 %, 2.49 holds 0.16 at 7 %.
    expect(cart.lines.map((l) => [l.name, l.qtyMilli, l.lineTotal, l.tax])).toEqual([
      [COFFEE.name, 2000, 2598, 415],
      [BREAD.name, 1000, 249, 16],
    ]);
    expect(cart).toMatchObject({ subtotal: 2847, discountTotal: 0, taxTotal: 431, total: 2847, cashTotal: 2845, currency: 'EUR' });
    expect(cart.taxBreakdown).toEqual([
      { taxClass: 'standard', rateBp: 1900, base: 2183, tax: 415 },
      { taxClass: 'reduced', rateBp: 700, base: 233, tax: 16 },
    ]);
    // The test products have no stock movements: selling them takes stock below zero, which is flagged.
    expect(cart.lines.every((l) => l.stockWarning)).toBe(true);

    till.pushes.length = 0;
    const paid = await till.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 5000 }] });
    expect(paid.changeDue).toBe(2155);
    expect(paid.receipt).toMatchObject({
      number: 'T1-000001',
      kind: 'sale',
      terminalId: 'T1',
      clerkName: 'Clara Clerk',
      total: 2847,
      cashRounding: -2,
      tendered: 5000,
      changeDue: 2155,
      payments: [{ method: 'cash', amount: 2845, status: 'captured' }],
      store: { name: 'Kassa Demo Market' },
    });

    const [sale] = await salesOf(till);
    expect(sale).toMatchObject({ number: 'T1-000001', seq: 1, kind: 'sale', refSaleId: '', total: 2847, cashRounding: -2, status: 'completed' });
    expect(sale!.tenders).toEqual([cashTender(2845, 5000)]);
    expect(sale!.lines.map((l) => [l.productId, l.unit, l.qtyMilli, l.unitPrice, l.lineTotal])).toEqual([
      [COFFEE.id, 'piece', 2000, 1299, 2598],
      [BREAD.id, 'piece', 1000, 249, 249],
    ]);
    const payments = await till.db.payments.find({ selector: { saleId: sale!.id } }).exec();
    expect(payments.map((p) => [p.id, p.method, p.amount, p.status])).toEqual([[`${sale!.id}-P1`, 'cash', 2845, 'captured']]);
    expect(await till.must(TILL, 'stock.onHand', { productId: COFFEE.id })).toEqual({ productId: COFFEE.id, qtyMilli: -2000 });
    const audit = await till.db.audit_events.findOne(`${sale!.id}-A`).exec();
    expect(audit).toMatchObject({ type: 'sale.completed', actorId: 'DEMO-U1', subjectId: sale!.id });

    const next = await till.must(TILL, 'cart.get', {});
    expect(next.lines).toEqual([]);
    expect(next.revision).toBeGreaterThan(cart.revision);
    const events = till.pushes.map((p) => [p.channelId, p.message.event]);
    expect(events).toContainEqual([null, 'cart.changed']);
    expect(till.pushes.find((p) => p.message.event === 'sale.completed')?.message.payload).toEqual({ number: 'T1-000001', total: 2845, changeDue: 2155, currency: 'EUR' });
    // The customer display reads the cart without a session.
    expect(await till.must('test:customer-display', 'display.current', {})).toEqual(next);
    expect((await till.must(TILL, 'sales.receipt', { number: 't1-000001' })).lines).toHaveLength(2);
  });

  it('splits a payment over card and cash: the card is charged exactly, the cash part is rounded and gives change', async () => {
    till = await openSellingTill();
    const cart = await ringUp(till, [COFFEE.barcode, COFFEE.barcode, BREAD.barcode]);
    const paid = await till.must(TILL, 'checkout.pay', {
      cartRevision: cart.revision,
      tenders: [
        { method: 'card', amount: 1000 },
        { method: 'cash', amount: 2000 },
      ],
    });
    expect(paid.changeDue).toBe(155);
    const [sale] = await salesOf(till);
    expect(sale!.cashRounding).toBe(-2);
    expect(sale!.tenders.map((t) => [t.method, t.amount, t.tendered])).toEqual([
      ['card', 1000, 1000],
      ['cash', 1845, 2000],
    ]);
    // The processor's own reference, and the card as the (simulated) reader gave it: never a card number.
    expect(sale!.tenders[0]).toMatchObject({ reference: expect.stringMatching(/.+/), cardBrand: 'Visa', cardLast4: '4242', forwarding: '' });
    const payments = (await till.db.payments.find({ selector: { saleId: sale!.id } }).exec()).map((p) => p.toJSON());
    expect(payments.map((p) => [p.method, p.amount, p.status])).toEqual([
      ['card', 1000, 'captured'],
      ['cash', 1845, 'captured'],
    ]);
    expect(payments[0]!.reference).toBe(sale!.tenders[0]!.reference);
  });
});

describe('refusals that write nothing', () => {
  it('a declined card refuses the checkout, writes nothing and keeps the cart', async () => {
    till = await openSellingTill();
    const cart = await ringUp(till, [DECLINED.barcode]);
    const before = await fingerprint(till, MONEY_COLLECTIONS);
    const declined = await till.call(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1013 }] });
    expect(declined).toMatchObject({ ok: false, error: { code: 'PAYMENT_DECLINED', message: expect.stringMatching(/Card declined for 10\.13 EUR .*ask for another payment/) } });
    // A split whose second card is declined: the first card's authorization is voided, nothing is written.
    const split = await till.call(TILL, 'checkout.pay', {
      cartRevision: cart.revision,
      tenders: [
        { method: 'card', amount: 500 },
        { method: 'card', amount: 513 },
      ],
    });
    expect(split).toMatchObject({ ok: false, error: { code: 'PAYMENT_DECLINED' } });
    expect(await fingerprint(till, MONEY_COLLECTIONS)).toEqual(before);
    expect(await till.must(TILL, 'cart.get', {})).toEqual(cart);
    // At the processor: the first card of the split was taken, then cancelled; nothing stays charged.
    const ledger = await (till as SellingTill).standIn!.temp.control.ledger();
    expect(ledger.map((r) => [r.kind, r.amount, r.answer.status])).toEqual([
      ['payment', 1013, 'declined'],
      ['payment', 500, 'approved'],
      ['payment', 513, 'declined'],
      ['void', null, 'approved'],
    ]);
    expect(chargesIn(ledger).size).toBe(0);
    const audit = await till.db.audit_events.find({ selector: { type: 'payment.cancelled' } }).exec();
    expect(audit.map((e) => e.subjectId)).toEqual([ledger[1]!.idempotencyKey]);
    // Another payment for the same cart goes through.
    await till.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 1015 }] });
    expect((await salesOf(till)).map((s) => s.number)).toEqual(['T1-000001']);
  });

  it('cancels the cards a split had taken when a later card is declined, and when the sale cannot be written', async () => {
    // A STAND-IN FOR A CARD NETWORK (none can be reached here) that records what the till asks of it.
    const asked: string[] = [];
    const answers: ('approve' | 'decline')[] = [];
    let duringPayment: (() => Promise<void>) | null = null;
    const answer = (key: string, status: 'approved' | 'declined'): ProcessorOutcome => ({
      kind: 'answer',
      answer:
        status === 'approved'
          ? { kind: 'payment', status, idempotencyKey: key, reference: `REF-${key}`, amount: 0, currency: 'EUR', at: '' }
          : { kind: 'payment', status, idempotencyKey: key, code: 'insufficient_funds', reason: 'insufficient funds', at: '' },
    });
    const processor: CardProcessor = {
      pay: async (request) => {
        asked.push(`pay ${request.idempotencyKey} ${request.amount}`);
        await duringPayment?.();
        return answer(request.idempotencyKey, answers.shift() === 'decline' ? 'declined' : 'approved');
      },
      cancel: async (request) => {
        asked.push(`cancel ${request.paymentIdempotencyKey}`);
        return { kind: 'answer', answer: { kind: 'void', status: 'approved', idempotencyKey: request.idempotencyKey, reference: 'V', amount: 0, currency: 'EUR', at: '' } };
      },
      refund: async () => ({ kind: 'unreachable', detail: 'not used here' }),
      lookup: async () => ({ kind: 'not_found' }),
    };
    till = await openSellingTill({ processor });
    const cart = await ringUp(till, [COFFEE.barcode]);
    const before = await fingerprint(till, MONEY_COLLECTIONS);
    const split = { cartRevision: cart.revision, tenders: [{ method: 'card' as const, amount: 500 }, { method: 'card' as const, amount: 300 }, { method: 'card' as const, amount: 499 }] };

    answers.push('approve', 'approve', 'decline');
    expect(await till.call(TILL, 'checkout.pay', split)).toMatchObject({ ok: false, error: { code: 'PAYMENT_DECLINED', message: expect.stringMatching(/4\.99 EUR \(insufficient funds\)/) } });
    // Each card attempt has its own key, made from the payment's id: the cart's sale id and the payment's place.
    const { saleId } = JSON.parse((await till.db.local_state.findOne('cart:current').exec())!.value) as { saleId: string };
    const keys = asked.filter((a) => a.startsWith('pay ')).map((a) => a.split(' ')[1]!);
    expect(keys.map((k) => k.replace(/-[0-9A-F]{8}$/, ''))).toEqual([`${saleId}-P1`, `${saleId}-P2`, `${saleId}-P3`]);
    expect(asked).toEqual([`pay ${keys[0]} 500`, `pay ${keys[1]} 300`, `pay ${keys[2]} 499`, `cancel ${keys[0]}`, `cancel ${keys[1]}`]);
    expect(await fingerprint(till, MONEY_COLLECTIONS)).toEqual(before);

    // An approved card whose sale then cannot be written is cancelled too. Here the write fails because, while the
    // card was being taken, a document took the sale's id (as a disk error would fail it).
    asked.length = 0;
    duringPayment = async () => {
      duringPayment = null;
      await till!.db.sales.insert(saleDoc({ id: saleId, number: 'T9-000001', terminalId: 'T9' }));
    };
    const failed = await till.call(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1299 }] });
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const key = asked[0]!.split(' ')[1]!;
    expect(asked).toEqual([`pay ${key} 1299`, `cancel ${key}`]);
    expect(await till.db.payments.count().exec()).toBe(0);
    // Nothing is left to cancel, and no card attempt waits for its sale.
    expect(await till.db.local_state.find({ selector: { id: { $regex: '^payments:' } } }).exec()).toEqual([]);
  });

  it('refuses to pay for a cart that changed since the clerk saw it', async () => {
    till = await openSellingTill();
    const seen = await ringUp(till, [COFFEE.barcode]);
    await till.must(TILL, 'cart.scan', { code: BREAD.barcode });
    const before = await fingerprint(till, SALE_COLLECTIONS);
    const stale = await till.call(TILL, 'checkout.pay', { cartRevision: seen.revision, tenders: [{ method: 'cash', amount: 5000 }] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await fingerprint(till, SALE_COLLECTIONS)).toEqual(before);
  });

  it('answers bad input with a clear error and writes nothing', async () => {
    till = await openSellingTill();
    const cart = await ringUp(till, [COFFEE.barcode]);
    const lineId = cart.lines[0]!.lineId;
    const before = await fingerprint(till);
    const cases: [string, Parameters<TempTill['call']>[1], unknown, string, RegExp][] = [
      ['quantity 0', 'cart.setQuantity', { lineId, qtyMilli: 0 }, 'BAD_INPUT', /qtyMilli/],
      ['negative quantity', 'cart.setQuantity', { lineId, qtyMilli: -1000 }, 'BAD_INPUT', /qtyMilli/],
      ['NaN quantity', 'cart.setQuantity', { lineId, qtyMilli: NaN }, 'BAD_INPUT', /qtyMilli/],
      ['quantity 1e12', 'cart.setQuantity', { lineId, qtyMilli: 1e12 }, 'BAD_INPUT', /qtyMilli/],
      ['half a piece', 'cart.setQuantity', { lineId, qtyMilli: 1500 }, 'BAD_INPUT', /Pieces are counted whole/],
      ['quantity 1e12 on add', 'cart.addProduct', { productId: COFFEE.id, qtyMilli: 1e12 }, 'BAD_INPUT', /qtyMilli/],
      ['discount over 100 %', 'cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 10_001 } }, 'BAD_INPUT', /discount/],
      ['discount over the line', 'cart.setLineDiscount', { lineId, discount: { kind: 'amount', minor: 1300 } }, 'BAD_INPUT', /more than the line amount/],
      ['sale discount over the sale', 'cart.setCartDiscount', { discount: { kind: 'amount', minor: 1300 } }, 'BAD_INPUT', /more than the sale amount/],
      ['tender below the total', 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 1000 }] }, 'BAD_INPUT', /Cash 10\.00 does not cover the 13\.00/],
      ['card above the total', 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 2000 }] }, 'BAD_INPUT', /more than the 12\.99 left/],
      ['zero tender', 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 0 }] }, 'BAD_INPUT', /amount/],
      ['unknown product id', 'cart.addProduct', { productId: 'T9-NOPE' }, 'NOT_FOUND', /No product with id T9-NOPE/],
      ['unknown line', 'cart.removeLine', { lineId: 'T1-GONE' }, 'NOT_FOUND', /no longer in the cart/],
      ['letters for a barcode', 'cart.scan', { code: 'ABC123' }, 'BAD_INPUT', /Not a barcode \(scanned ABC123\)/],
      ['wrong check digit', 'cart.scan', { code: '4006381333932' }, 'BAD_INPUT', /Check digit wrong .*4006381333932/],
      ['unknown barcode', 'cart.scan', { code: '4006381333931' }, 'NOT_FOUND', /No product with barcode 4006381333931/],
      ['weighed item without weight', 'cart.addProduct', { productId: 'TEST-APPLES' }, 'BAD_INPUT', /sold by weight: enter the weight/],
      ['resume a parked cart that is not there', 'cart.resume', { parkedId: 'T1-NOPE' }, 'NOT_FOUND', /parked cart is gone/],
    ];
    for (const [what, name, input, code, message] of cases) {
      const result = await till.call(TILL, name, input as never);
      expect(result, what).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message, what).toMatch(message);
    }
    expect(await fingerprint(till)).toEqual(before);
    expect(await till.must(TILL, 'cart.get', {})).toEqual(cart);
  });

  it('refuses an empty cart at checkout', async () => {
    till = await openSellingTill();
    const cart = await till.must(TILL, 'cart.get', {});
    const empty = await till.call(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 100 }] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'The cart is empty: scan an item first.' } });
  });
});

describe('receipt numbers', () => {
  it('are gap-free per terminal through refusals, declines and a restart', async () => {
    till = await openSellingTill();
    const sell = async (code: string, tender: { method: 'cash' | 'card'; amount: number }) => {
      const cart = await ringUp(till!, [code]);
      return till!.call(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [tender] });
    };
    expect((await sell(COFFEE.barcode, { method: 'cash', amount: 2000 })).ok).toBe(true);
    expect((await sell(BREAD.barcode, { method: 'cash', amount: 100 })).ok).toBe(false); // too little: bread stays in the cart
    await till.must(TILL, 'cart.clear', {});
    expect((await sell(DECLINED.barcode, { method: 'card', amount: 1013 })).ok).toBe(false);
    await till.must(TILL, 'cart.clear', {});
    expect((await sell(BREAD.barcode, { method: 'card', amount: 249 })).ok).toBe(true);
    await till.reopen();
    await till.must(TILL, 'auth.login', { username: 'clara', secret: '1234' });
    expect((await sell(COFFEE.barcode, { method: 'cash', amount: 1300 })).ok).toBe(true);
    const sales = await salesOf(till);
    expect(sales.map((s) => [s.seq, s.number])).toEqual([
      [1, 'T1-000001'],
      [2, 'T1-000002'],
      [3, 'T1-000003'],
    ]);
    expect((await till.must(TILL, 'sales.recent', { limit: 10 })).map((s) => s.number)).toEqual(['T1-000003', 'T1-000002', 'T1-000001']);
  });
});
