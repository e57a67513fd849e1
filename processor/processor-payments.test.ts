/**
 * Payments against the stand-in processor over real HTTP, with its ledger in a real SQLite file: idempotency,
 * every test card, the ".13" rule, offline forwarding, and input it must refuse without writing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSOR_PATHS, TEST_CARDS } from '../shared/payments/processor-api';
import { processorClient } from './test-support/processor-client';
import { paymentRequest } from './test-support/requests';
import { openTempProcessor, type TempProcessor } from './test-support/temp-processor';

let fx: TempProcessor;
beforeAll(async () => {
  fx = await openTempProcessor({ holdMs: 1_500 });
});
afterAll(() => fx.dispose());

const pay = (request: object, options?: { timeoutMs?: number }) => fx.client.post(PROCESSOR_PATHS.payments, request, options);
const lookup = (key: string) => fx.client.get(`${PROCESSOR_PATHS.lookup}?idempotencyKey=${encodeURIComponent(key)}`);
const entriesFor = async (key: string) => (await fx.control.ledger()).filter((e) => e.idempotencyKey === key);

describe('idempotency', () => {
  it('answers the same key with the same bytes and charges once', async () => {
    const request = paymentRequest();
    const first = await pay(request);
    expect(first.status).toBe(200);
    expect(first.check.ok).toBe(true);
    expect(first.body).toMatchObject({ kind: 'payment', status: 'approved', idempotencyKey: request.idempotencyKey, amount: 1299, currency: 'EUR' });
    const again = await pay(request);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.check.ok).toBe(true);
    const entries = await entriesFor(request.idempotencyKey);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'payment', terminalId: 'T1', amount: 1299, currency: 'EUR', card: TEST_CARDS.approve, offline: false, takenAt: request.takenAt });
    expect(entries[0]!.answer).toEqual(first.body);
  });

  it('gives one answer to the same key sent many times at once', async () => {
    const request = paymentRequest();
    const replies = await Promise.all(Array.from({ length: 12 }, () => pay(request)));
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(await entriesFor(request.idempotencyKey)).toHaveLength(1);
  });

  it('refuses the same key with another amount, currency or card (409), and keeps the first answer', async () => {
    const request = paymentRequest();
    const first = await pay(request);
    for (const changed of [
      pay({ ...request, amount: 1300 }),
      pay({ ...request, currency: 'USD' }),
      pay({ ...request, card: TEST_CARDS.decline }),
    ]) {
      const reply = await changed;
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe('idempotency_conflict');
      expect(reply.body.error.message).toContain(request.idempotencyKey);
      expect(reply.check.ok).toBe(true);
    }
    expect((await entriesFor(request.idempotencyKey)).map((e) => e.answer)).toEqual([first.body]);
    expect((await pay(request)).text).toBe(first.text);
  });

  it('gives another terminal that forwards the same payment under its key the first answer (a queue taken over)', async () => {
    const request = paymentRequest();
    const first = await pay(request);
    const t2 = await fx.control.call('POST', '/control/keys', { terminalId: 'T2' });
    const otherTerminal = processorClient(fx.processor.url, t2.body);
    const again = await otherTerminal.post(PROCESSOR_PATHS.payments, { ...request, terminalId: 'T2', offline: true });
    expect(again.status).toBe(200);
    expect(again.check.ok).toBe(true);
    expect(again.body).toEqual(first.body);
    const entries = await entriesFor(request.idempotencyKey);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.terminalId).toBe('T1');
  });

  it('treats a payment tried online and forwarded offline later under the same key as the same payment', async () => {
    const request = paymentRequest();
    const online = await pay(request);
    const forwarded = await pay({ ...request, offline: true, takenAt: new Date(Date.now() - 60_000).toISOString() });
    expect(forwarded.text).toBe(online.text);
    expect(await entriesFor(request.idempotencyKey)).toHaveLength(1);
  });

  it('refuses a payment key that was used for a refund or void', async () => {
    const charged = await pay(paymentRequest());
    const voidKey = 'VOID-as-payment-key';
    await fx.client.post(PROCESSOR_PATHS.voids, { idempotencyKey: voidKey, terminalId: 'T1', paymentIdempotencyKey: charged.body.idempotencyKey });
    const reply = await pay(paymentRequest({ idempotencyKey: voidKey }));
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('idempotency_conflict');
  });
});

describe('test cards', () => {
  it.each([
    ['decline', 'card_declined', /issuer/],
    ['insufficientFunds', 'insufficient_funds', /insufficient funds/i],
  ] as const)('%s is declined with %s and recorded', async (card, code, reason) => {
    const request = paymentRequest({ card: TEST_CARDS[card] });
    const reply = await pay(request);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: 'payment', status: 'declined', code, idempotencyKey: request.idempotencyKey });
    expect(reply.body.reason).toMatch(reason);
    expect((await entriesFor(request.idempotencyKey)).map((e) => e.answer)).toEqual([reply.body]);
    expect((await pay(request)).text).toBe(reply.text);
  });

  it('declines a token the processor does not know', async () => {
    const reply = await pay(paymentRequest({ card: { token: 'tok_nobody', brand: 'Visa', last4: '1111' } }));
    expect(reply.body).toMatchObject({ status: 'declined', code: 'card_declined' });
    expect(reply.body.reason).toMatch(/unknown card/i);
  });

  it('approves with a reference, amount and currency', async () => {
    const reply = await pay(paymentRequest({ amount: 5, currency: 'SEK' }));
    expect(reply.body).toMatchObject({ status: 'approved', amount: 5, currency: 'SEK' });
    expect(reply.body.reference).toMatch(/^pay_/);
    expect(Date.parse(reply.body.at)).not.toBeNaN();
  });

  it('timeout: holds the request without an answer and charges nothing', async () => {
    const request = paymentRequest({ card: TEST_CARDS.timeout });
    const started = Date.now();
    await expect(pay(request, { timeoutMs: 300 })).rejects.toThrow(/timeout|aborted/i);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await entriesFor(request.idempotencyKey)).toEqual([]);
    expect((await lookup(request.idempotencyKey)).status).toBe(404);
    // The processor let go of the request as soon as the client did, not at the end of the hold time.
    await expect.poll(() => fx.logs.findLast((l) => l.fields.idempotencyKey === request.idempotencyKey)?.message).toBe('Timeout card: the client gave up waiting');
  });

  it('timeout: closes the connection without an answer after the hold time when the client waits on', async () => {
    const request = paymentRequest({ card: TEST_CARDS.timeout });
    const started = Date.now();
    const error = await pay(request, { timeoutMs: 20_000 }).then(
      () => null,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    const waited = Date.now() - started;
    expect(error?.code).toBe('ECONNRESET');
    expect(waited).toBeGreaterThanOrEqual(1_400);
    expect(waited).toBeLessThan(10_000);
    expect(await entriesFor(request.idempotencyKey)).toEqual([]);
    expect(fx.logs.findLast((l) => l.fields.idempotencyKey === request.idempotencyKey)?.message).toBe('Timeout card: closed the held request without an answer');
  });

  it('failAfterCharge: records the charge, answers 500, and a lookup or a retry finds the approved payment', async () => {
    const request = paymentRequest({ card: TEST_CARDS.failAfterCharge, amount: 4200 });
    const reply = await pay(request);
    expect(reply.status).toBe(500);
    expect(reply.body.error.code).toBe('internal');
    expect(reply.check.ok).toBe(true);
    const [entry] = await entriesFor(request.idempotencyKey);
    expect(entry?.answer).toMatchObject({ status: 'approved', amount: 4200 });
    const found = await lookup(request.idempotencyKey);
    expect(found.status).toBe(200);
    expect(found.check.ok).toBe(true);
    expect(found.body).toEqual(entry!.answer);
    const retried = await pay(request);
    expect(retried.status).toBe(200);
    expect(retried.text).toBe(found.text);
    expect(await entriesFor(request.idempotencyKey)).toHaveLength(1);
  });

  it('lookup: 404 for a key never processed, 400 without a key', async () => {
    const missing = await lookup('never-sent');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect(missing.check.ok).toBe(true);
    expect((await fx.client.get(PROCESSOR_PATHS.lookup)).status).toBe(400);
  });
});

describe('the .13 rule', () => {
  it.each([13, 1013, 99_913])('declines %i on an approving card', async (amount) => {
    const reply = await pay(paymentRequest({ amount }));
    expect(reply.body).toMatchObject({ status: 'declined', code: 'card_declined' });
    expect(reply.body.reason).toMatch(/end in 13/);
  });

  it('declines failAfterCharge too, with an answer (nothing charged)', async () => {
    const request = paymentRequest({ amount: 2013, card: TEST_CARDS.failAfterCharge });
    const reply = await pay(request);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'declined', code: 'card_declined' });
  });

  it.each([1012, 1014, 1300, 131, 113_00])('approves %i', async (amount) => {
    expect((await pay(paymentRequest({ amount }))).body.status).toBe('approved');
  });
});

describe('offline forwarding', () => {
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

  it('approves a payment taken offline within 24 h like an online one', async () => {
    const reply = await pay(paymentRequest({ offline: true, takenAt: hoursAgo(23.9) }));
    expect(reply.body.status).toBe('approved');
    const declined = await pay(paymentRequest({ offline: true, takenAt: hoursAgo(1), card: TEST_CARDS.insufficientFunds }));
    expect(declined.body).toMatchObject({ status: 'declined', code: 'insufficient_funds' });
  });

  it('declines one forwarded after 24 h (offline_not_allowed), whatever the card', async () => {
    for (const card of [TEST_CARDS.approve, TEST_CARDS.failAfterCharge]) {
      const request = paymentRequest({ offline: true, takenAt: hoursAgo(24.1), card });
      const reply = await pay(request);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'declined', code: 'offline_not_allowed' });
      expect(reply.body.reason).toMatch(/offline payment forwarded after 24 h/i);
      expect(await entriesFor(request.idempotencyKey)).toHaveLength(1);
    }
  });

  it('does not apply the 24 h rule to an online payment', async () => {
    expect((await pay(paymentRequest({ offline: false, takenAt: hoursAgo(30) }))).body.status).toBe('approved');
  });
});

describe('bad input', () => {
  const { amount: _amount, ...noAmount } = paymentRequest();
  const { currency: _currency, ...noCurrency } = paymentRequest();
  const { card: _card, ...noCard } = paymentRequest();
  const { idempotencyKey: _key, ...noKey } = paymentRequest();
  const { takenAt: _takenAt, ...noTakenAt } = paymentRequest();

  it.each([
    ['amount 0', paymentRequest({ amount: 0 }), /above 0/],
    ['a negative amount', paymentRequest({ amount: -100 }), /above 0/],
    ['a fractional amount', paymentRequest({ amount: 12.99 }), /whole number/],
    ['an amount as text', { ...paymentRequest(), amount: '1299' }, /whole number/],
    ['an unsafe amount', paymentRequest({ amount: 2 ** 60 }), /too large/],
    ['no amount', noAmount, /amount is missing/],
    ['a lower-case currency', paymentRequest({ currency: 'eur' }), /three-letter/],
    ['a four-letter currency', paymentRequest({ currency: 'EURO' }), /three-letter/],
    ['no currency', noCurrency, /currency is missing/],
    ['no card', noCard, /card is missing/],
    ['a bad last4', paymentRequest({ card: { ...TEST_CARDS.approve, last4: '42' } }), /last4/],
    ['no idempotency key', noKey, /idempotencyKey is missing/],
    ['an empty idempotency key', paymentRequest({ idempotencyKey: '' }), /idempotencyKey must not be empty/],
    ['no takenAt', noTakenAt, /takenAt is missing/],
    ['a bad takenAt', paymentRequest({ takenAt: 'yesterday' }), /ISO 8601/],
    ['offline as text', { ...paymentRequest(), offline: 'no' }, /offline/],
    ['an array', [paymentRequest()], /JSON object/],
  ])('refuses %s with 400 and writes nothing', async (_what, body, message) => {
    const before = (await fx.control.ledger()).length;
    const reply = await pay(body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('bad_request');
    expect(reply.body.error.message).toMatch(message);
    expect(reply.check.ok).toBe(true);
    expect((await fx.control.ledger()).length).toBe(before);
  });

  it('refuses a body that is not JSON, and one above 64 KiB', async () => {
    const path = PROCESSOR_PATHS.payments;
    const notJson = 'amount=1299';
    const { sendRaw } = await import('./test-support/processor-client');
    const reply = await sendRaw(fx.processor.url, { method: 'POST', path, body: notJson, headers: fx.client.sign('POST', path, notJson) });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).error.message).toMatch(/not JSON/);
    const huge = JSON.stringify({ ...paymentRequest(), padding: 'x'.repeat(70 * 1024) });
    const big = await sendRaw(fx.processor.url, { method: 'POST', path, body: huge, headers: fx.client.sign('POST', path, huge) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).error.code).toBe('bad_request');
  });

  it('answers unknown routes and wrong methods with signed errors', async () => {
    const unknown = await fx.client.get('/v1/charges');
    expect(unknown.status).toBe(404);
    expect(unknown.check.ok).toBe(true);
    const wrongMethod = await fx.client.get(PROCESSOR_PATHS.payments);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.code).toBe('bad_request');
    const health = await fx.client.get(PROCESSOR_PATHS.health);
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true });
    expect(health.check.ok).toBe(true);
  });
});
