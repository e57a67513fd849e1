/**
 * Refunds and voids against the stand-in processor: never more refunded than captured, and a void leaves nothing
 * of its payment charged — also when it arrives before the payment does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSOR_PATHS, TEST_CARDS, type PaymentRequest } from '../shared/payments/processor-api';
import { paymentRequest, refundRequest, voidRequest } from './test-support/requests';
import { openTempProcessor, type TempProcessor } from './test-support/temp-processor';

let fx: TempProcessor;
beforeAll(async () => {
  fx = await openTempProcessor();
});
afterAll(() => fx.dispose());

const pay = (request: PaymentRequest) => fx.client.post(PROCESSOR_PATHS.payments, request);
const refund = (request: object) => fx.client.post(PROCESSOR_PATHS.refunds, request);
const cancel = (request: object) => fx.client.post(PROCESSOR_PATHS.voids, request);
const lookup = (key: string) => fx.client.get(`${PROCESSOR_PATHS.lookup}?idempotencyKey=${encodeURIComponent(key)}`);
const entriesFor = async (key: string) => (await fx.control.ledger()).filter((e) => e.idempotencyKey === key);

async function captured(amount: number, overrides: Partial<PaymentRequest> = {}): Promise<{ key: string; reference: string }> {
  const reply = await pay(paymentRequest({ amount, ...overrides }));
  expect(reply.body.status).toBe('approved');
  return { key: reply.body.idempotencyKey, reference: reply.body.reference };
}

describe('refunds', () => {
  it('refunds in parts, up to what was captured and never above it', async () => {
    const payment = await captured(1000);
    const first = await refund(refundRequest(payment.reference, { amount: 400 }));
    expect(first.status).toBe(200);
    expect(first.check.ok).toBe(true);
    expect(first.body).toMatchObject({ kind: 'refund', status: 'approved', amount: 400, currency: 'EUR' });
    expect(first.body.reference).toMatch(/^re_/);
    const rest = await refund(refundRequest(payment.reference, { amount: 600 }));
    expect(rest.body).toMatchObject({ status: 'approved', amount: 600 });
    const tooMuch = await refund(refundRequest(payment.reference, { amount: 1 }));
    expect(tooMuch.status).toBe(200);
    expect(tooMuch.body).toMatchObject({ kind: 'refund', status: 'declined', code: 'card_declined' });
    expect(tooMuch.body.reason).toMatch(/above the 1000 captured \(0 left to refund/);
    const refunds = (await fx.control.ledger()).filter((e) => e.kind === 'refund' && e.paymentReference === payment.reference && e.answer.status === 'approved');
    expect(refunds.reduce((sum, e) => sum + (e.amount ?? 0), 0)).toBe(1000);
  });

  it('declines a single refund above the captured amount', async () => {
    const payment = await captured(500);
    const reply = await refund(refundRequest(payment.reference, { amount: 501 }));
    expect(reply.body).toMatchObject({ status: 'declined', code: 'card_declined' });
    expect(reply.body.reason).toMatch(/500 left to refund/);
    // The declined refund used nothing up.
    expect((await refund(refundRequest(payment.reference, { amount: 500 }))).body.status).toBe('approved');
  });

  it('answers a repeated refund key with the same answer and refunds once; another amount under it is a conflict', async () => {
    const payment = await captured(900);
    const request = refundRequest(payment.reference, { amount: 300 });
    const first = await refund(request);
    const again = await refund(request);
    expect(again.text).toBe(first.text);
    expect(await entriesFor(request.idempotencyKey)).toHaveLength(1);
    const conflict = await refund({ ...request, amount: 301 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('idempotency_conflict');
  });

  it('refuses a refund of an unknown reference (404 unknown_payment) or in another currency (400), writing nothing', async () => {
    const before = (await fx.control.ledger()).length;
    const unknown = await refund(refundRequest('pay_nothing_here'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown_payment');
    expect(unknown.check.ok).toBe(true);
    const payment = await captured(700);
    const otherCurrency = await refund(refundRequest(payment.reference, { currency: 'USD' }));
    expect(otherCurrency.status).toBe(400);
    expect(otherCurrency.body.error.message).toMatch(/USD.*EUR/);
    expect((await fx.control.ledger()).length).toBe(before + 1);
  });

  it('refuses bad refund input with 400', async () => {
    const payment = await captured(700);
    for (const body of [
      refundRequest(payment.reference, { amount: 0 }),
      refundRequest(payment.reference, { amount: -1 }),
      refundRequest(payment.reference, { amount: 1.5 }),
      refundRequest(payment.reference, { currency: 'Eur' }),
      { ...refundRequest(payment.reference), paymentReference: undefined },
    ]) {
      const reply = await refund(body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('bad_request');
    }
  });
});

describe('voids', () => {
  it('voids a captured payment: releases it, and nothing can be refunded after', async () => {
    const payment = await captured(1500);
    const request = voidRequest(payment.key);
    const voided = await cancel(request);
    expect(voided.status).toBe(200);
    expect(voided.check.ok).toBe(true);
    expect(voided.body).toMatchObject({ kind: 'void', status: 'approved', amount: 1500, currency: 'EUR', idempotencyKey: request.idempotencyKey });
    expect((await cancel(request)).text).toBe(voided.text);
    const late = await refund(refundRequest(payment.reference, { amount: 100 }));
    expect(late.body).toMatchObject({ status: 'declined', code: 'card_declined' });
    expect(late.body.reason).toMatch(/voided/);
    // A second void (another key) releases nothing more.
    expect((await cancel(voidRequest(payment.key))).body).toMatchObject({ status: 'approved', amount: 0, currency: 'EUR' });
    // The payment's own answer does not change: it was approved, and the void says what became of it.
    expect((await lookup(payment.key)).body.status).toBe('approved');
  });

  it('releases only what refunds left of a payment', async () => {
    const payment = await captured(1000);
    await refund(refundRequest(payment.reference, { amount: 250 }));
    expect((await cancel(voidRequest(payment.key))).body).toMatchObject({ status: 'approved', amount: 750 });
  });

  it('voids a payment whose answer was lost (failAfterCharge)', async () => {
    const request = paymentRequest({ card: TEST_CARDS.failAfterCharge, amount: 800 });
    expect((await pay(request)).status).toBe(500);
    expect((await cancel(voidRequest(request.idempotencyKey))).body).toMatchObject({ status: 'approved', amount: 800 });
  });

  it('voids a declined payment without releasing anything', async () => {
    const request = paymentRequest({ card: TEST_CARDS.decline });
    await pay(request);
    expect((await cancel(voidRequest(request.idempotencyKey))).body).toMatchObject({ status: 'approved', amount: 0, currency: 'EUR' });
  });

  it('wins when it comes before the payment: the payment arriving later is declined and never charged', async () => {
    const late = paymentRequest({ amount: 2500 });
    const voided = await cancel(voidRequest(late.idempotencyKey));
    expect(voided.body).toMatchObject({ kind: 'void', status: 'approved', amount: 0, currency: 'XXX' });
    expect((await lookup(late.idempotencyKey)).status).toBe(404);
    const arrived = await pay(late);
    expect(arrived.status).toBe(200);
    expect(arrived.body).toMatchObject({ kind: 'payment', status: 'declined', code: 'card_declined', idempotencyKey: late.idempotencyKey });
    expect(arrived.body.reason).toMatch(/before it arrived/);
    expect((await pay(late)).text).toBe(arrived.text);
    expect((await lookup(late.idempotencyKey)).text).toBe(arrived.text);
    const entries = (await fx.control.ledger()).filter((e) => e.idempotencyKey === late.idempotencyKey || e.paymentIdempotencyKey === late.idempotencyKey);
    expect(entries.map((e) => [e.kind, e.answer.status])).toEqual([
      ['void', 'approved'],
      ['payment', 'declined'],
    ]);
  });

  it('is declined as bad input when its key names a refund, and conflicts when its key is reused for another payment', async () => {
    const payment = await captured(600);
    const refunded = refundRequest(payment.reference);
    await refund(refunded);
    const wrong = await cancel(voidRequest(refunded.idempotencyKey));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/refund, not of a payment/);
    const request = voidRequest(payment.key);
    await cancel(request);
    const reused = await cancel({ ...request, paymentIdempotencyKey: 'another-payment' });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_conflict');
  });

  it('refuses a void without the payment key', async () => {
    const reply = await cancel({ idempotencyKey: 'V-missing', terminalId: 'T1' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe('paymentIdempotencyKey is missing');
    expect(await entriesFor('V-missing')).toEqual([]);
  });
});
