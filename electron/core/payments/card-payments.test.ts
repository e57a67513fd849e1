/**
 * Card payments through the till core's one door, against the stand-in processor over signed HTTP (processor/):
 * online, offline within the caps, unknown outcomes settled by a look-up, forwarding on reconnect charging exactly
 * once, declines after the fact on the managers' worklist, and a terminal's queue taken over by another.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaymentsStatus } from '../../../shared/api/commands/payments-commands';
import type { PaymentDoc } from '../../../shared/model';
import { fingerprint, loginAs, MONEY_COLLECTIONS, openSellingTill, TILL, COFFEE, BREAD, type SellingTill } from '../selling/test-support/selling-till';
import type { CardProcessor } from './card-processor';
import { resolutionId } from './start-payments';
import { chargesIn, openStandInProcessor } from './test-support/stand-in-processor';

let till: SellingTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

/** Quick forwarding, so tests see a reconnect in well under a second. */
const QUICK = { paymentTiming: { minBackoffMs: 50, maxBackoffMs: 200, idleMs: 100, concurrency: 4 } };

async function open(): Promise<SellingTill> {
  till = await openSellingTill(QUICK);
  return till;
}

async function cartOf(t: SellingTill, codes: string[]) {
  let cart = await t.must(TILL, 'cart.get', {});
  for (const code of codes) cart = await t.must(TILL, 'cart.scan', { code });
  return cart;
}

async function allowOffline(t: SellingTill, caps: { perPaymentCap?: number; terminalCap?: number } = {}) {
  await loginAs(t, 'maria');
  await t.must(TILL, 'payments.setOfflineCards', { enabled: true, ...caps });
  await loginAs(t, 'clara');
}

const processorDown = (t: SellingTill, down: boolean) => t.standIn!.temp.control.behaviour({ down });
const ledgerOf = (t: SellingTill) => t.standIn!.temp.control.ledger();
const paymentsOf = async (t: SellingTill): Promise<PaymentDoc[]> => (await t.db.payments.find().exec()).map((d) => d.toMutableJSON() as PaymentDoc);
const status = (t: SellingTill): Promise<PaymentsStatus> => t.must(TILL, 'payments.status', {});

describe('card payments online', () => {
  it('charges the card once under the payment\u2019s key and records brand and last four, never a card number', async () => {
    const t = await open();
    const cart = await cartOf(t, [COFFEE.barcode]);
    const paid = await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1299 }] });
    expect(paid.receipt.payments).toEqual([{ method: 'card', amount: 1299, status: 'captured', card: 'Visa \u2022\u2022\u2022\u2022 4242', offline: false }]);
    expect(paid.receipt.settlement).toBe('settled');
    const [payment] = await paymentsOf(t);
    expect(payment).toMatchObject({ status: 'captured', cardBrand: 'Visa', cardLast4: '4242', offline: false, attempts: 1 });
    expect(JSON.stringify(await t.db.sales.find().exec())).not.toMatch(/4242424242/);
    expect([...chargesIn(await ledgerOf(t))]).toEqual([[payment!.idempotencyKey, 1299]]);
  });

  it('settles a reply lost after charging by looking the key up: charged once, the sale goes through', async () => {
    const t = await open();
    const cart = await cartOf(t, [COFFEE.barcode]);
    const paid = await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1299, testCard: 'failAfterCharge' }] });
    expect(paid.receipt.payments[0]).toMatchObject({ status: 'captured', offline: false });
    const ledger = await ledgerOf(t);
    expect(ledger.filter((r) => r.kind === 'payment')).toHaveLength(1);
    expect([...chargesIn(ledger).values()]).toEqual([1299]);
  });
});

describe('card payments when the processor cannot be reached', () => {
  it('knows whether the processor answers before any card is taken, so the screen can say so at checkout', async () => {
    const t = await open();
    await vi.waitFor(async () => expect((await status(t)).processor).toBe('reachable'), { timeout: 10_000 });
    await processorDown(t, true);
    await vi.waitFor(async () => expect((await status(t)).processor).toBe('unreachable'), { timeout: 10_000 });
    await processorDown(t, false);
    await vi.waitFor(async () => expect((await status(t)).processor).toBe('reachable'), { timeout: 10_000 });
  });

  it('refuses the card when offline cards are off, charging and writing nothing', async () => {
    const t = await open();
    const cart = await cartOf(t, [COFFEE.barcode]);
    await processorDown(t, true);
    const before = await fingerprint(t, MONEY_COLLECTIONS);
    const refused = await t.call(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1299 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CARD_UNAVAILABLE', message: expect.stringMatching(/cannot be reached and the store does not take cards offline.*Nothing was charged/) } });
    expect(await fingerprint(t, MONEY_COLLECTIONS)).toEqual(before);
    await processorDown(t, false);
    expect(await ledgerOf(t)).toEqual([]);
  });

  it('takes cards offline within the caps, says so on the receipt, and forwards them exactly once on reconnect', async () => {
    const t = await open();
    await allowOffline(t, { perPaymentCap: 2_000, terminalCap: 2_500 });
    await processorDown(t, true);
    const first = await cartOf(t, [COFFEE.barcode]);
    const paid = await t.must(TILL, 'checkout.pay', { cartRevision: first.revision, tenders: [{ method: 'card', amount: 1299, contact: '+49 170 555' }] });
    expect(paid.receipt.payments).toEqual([{ method: 'card', amount: 1299, status: 'queued', card: 'Visa \u2022\u2022\u2022\u2022 4242', offline: true }]);
    expect(paid.receipt.settlement).toBe('waiting');
    await vi.waitFor(async () => expect(await status(t)).toMatchObject({ processor: 'unreachable', waiting: { count: 1, amount: 1299 }, offlineRoom: 1201 }), { timeout: 10_000 });

    // Over the cap per card, and over what the till may still hold: refused, nothing written.
    const big = await cartOf(t, [COFFEE.barcode, COFFEE.barcode]);
    expect(await t.call(TILL, 'checkout.pay', { cartRevision: big.revision, tenders: [{ method: 'card', amount: 2598 }] })).toMatchObject({
      ok: false,
      error: { code: 'CARD_UNAVAILABLE', message: expect.stringMatching(/limited to 20\.00 EUR each/) },
    });
    await t.must(TILL, 'cart.setQuantity', { lineId: big.lines[0]!.lineId, qtyMilli: 1000 });
    const second = await t.must(TILL, 'cart.scan', { code: BREAD.barcode });
    expect(await t.call(TILL, 'checkout.pay', { cartRevision: second.revision, tenders: [{ method: 'card', amount: 1548 }] })).toMatchObject({
      ok: false,
      error: { code: 'CARD_UNAVAILABLE', message: expect.stringMatching(/may hold only 25\.00 EUR .*12\.01 left/) },
    });
    // One card waits (queued, or submitting while forwarding retries in the background); the refused ones wrote nothing.
    expect((await paymentsOf(t)).filter((p) => p.method === 'card')).toHaveLength(1);

    await processorDown(t, false);
    await vi.waitFor(async () => expect(await status(t)).toMatchObject({ processor: 'reachable', waiting: { count: 0, amount: 0 } }), { timeout: 10_000 });
    const [payment] = (await paymentsOf(t)).filter((p) => p.method === 'card');
    expect(payment).toMatchObject({ status: 'captured', offline: true, contact: '+49 170 555' });
    expect(payment!.reference).not.toBe('');
    expect([...chargesIn(await ledgerOf(t))]).toEqual([[payment!.idempotencyKey, 1299]]);
    expect((await t.must(TILL, 'sales.recent', { limit: 5 }))[0]).toMatchObject({ settlement: 'settled' });
    const reprint = await t.must(TILL, 'sales.receipt', { number: paid.receipt.number });
    expect(reprint.payments).toEqual([{ method: 'card', amount: 1299, status: 'captured', card: 'Visa \u2022\u2022\u2022\u2022 4242', offline: true }]);
  });

  it('cancels a card whose outcome stays unknown when it cannot be taken offline, so it is never charged', async () => {
    const t = await open();
    const cart = await cartOf(t, [COFFEE.barcode]);
    const refused = await t.call(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1299, testCard: 'timeout' }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CARD_UNAVAILABLE', message: expect.stringMatching(/could not be confirmed.*cancelled automatically/) } });
    // The look-up found nothing, but the request may still be on its way: the key is cancelled, so it never charges.
    await vi.waitFor(async () => expect((await ledgerOf(t)).filter((r) => r.kind === 'void' && r.answer.status === 'approved')).toHaveLength(1), { timeout: 10_000 });
    expect(chargesIn(await ledgerOf(t)).size).toBe(0);
    expect(await paymentsOf(t)).toEqual([]);
  });
});

describe('declines after the fact', () => {
  it('puts a card declined on forwarding on the worklist; a manager collects it in cash and the sale is settled', async () => {
    const t = await open();
    await allowOffline(t);
    await processorDown(t, true);
    const cart = await cartOf(t, [COFFEE.barcode]);
    const paid = await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1299, testCard: 'insufficientFunds', contact: 'ana@example.org' }] });
    await processorDown(t, false);
    await vi.waitFor(async () => expect(await status(t)).toMatchObject({ waiting: { count: 0 }, attention: 1 }), { timeout: 10_000 });
    expect(await t.call(TILL, 'payments.worklist', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await loginAs(t, 'maria');
    const [issue] = await t.must(TILL, 'payments.worklist', {});
    expect(issue).toMatchObject({ saleNumber: paid.receipt.number, amount: 1299, status: 'declined', clerkName: 'Clara Clerk', terminalId: 'T1', contact: 'ana@example.org', card: 'Mastercard \u2022\u2022\u2022\u2022 9995' });
    expect(issue!.reason).toMatch(/insufficient funds/i);
    expect((await t.must(TILL, 'sales.recent', { limit: 1 }))[0]).toMatchObject({ settlement: 'attention' });

    expect(await t.call(TILL, 'payments.collect', { paymentId: 'T1-NOPE-P1', method: 'cash' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const collected = await t.must(TILL, 'payments.collect', { paymentId: issue!.paymentId, method: 'cash' });
    expect(collected.settled).toBe(true);
    expect(await t.must(TILL, 'payments.worklist', {})).toEqual([]);
    expect(await t.call(TILL, 'payments.writeOff', { paymentId: issue!.paymentId, reason: 'twice' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.must(TILL, 'sales.recent', { limit: 1 }))[0]).toMatchObject({ settlement: 'settled' });
    const audit = (await t.db.audit_events.find().exec()).map((e) => e.type);
    expect(audit).toEqual(expect.arrayContaining(['payment.declined_after', 'payment.collected', 'settings.updated']));
  });

  it('writes off a declined card with a reason, audited; the reason must say something', async () => {
    const t = await open();
    await allowOffline(t);
    await processorDown(t, true);
    const cart = await cartOf(t, [COFFEE.barcode]);
    await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1299, testCard: 'decline' }] });
    await processorDown(t, false);
    await vi.waitFor(async () => expect((await status(t)).attention).toBe(1), { timeout: 10_000 });
    await loginAs(t, 'maria');
    const [issue] = await t.must(TILL, 'payments.worklist', {});
    expect(await t.call(TILL, 'payments.writeOff', { paymentId: issue!.paymentId, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await t.must(TILL, 'payments.writeOff', { paymentId: issue!.paymentId, reason: 'Customer could not be reached' })).settled).toBe(true);
    const writeOff = (await paymentsOf(t)).find((p) => p.kind === 'write_off');
    expect(writeOff).toMatchObject({ status: 'written_off', amount: 1299, reason: 'Customer could not be reached', clerkId: 'DEMO-U3' });
    expect((await t.db.audit_events.find({ selector: { type: 'payment.written_off' } }).exec())[0]?.details).toMatchObject({ reason: 'Customer could not be reached', amount: 1299 });
  });
});

describe('one decline, resolved once', () => {
  /** A card declined after the fact, on the worklist, and a manager logged in. */
  async function declined(t: SellingTill): Promise<string> {
    await allowOffline(t);
    await processorDown(t, true);
    const cart = await cartOf(t, [COFFEE.barcode]);
    await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1299, testCard: 'decline' }] });
    await processorDown(t, false);
    await vi.waitFor(async () => expect((await status(t)).attention).toBe(1), { timeout: 10_000 });
    await loginAs(t, 'maria');
    return (await t.must(TILL, 'payments.worklist', {}))[0]!.paymentId;
  }
  const resolutions = async (t: SellingTill) => (await paymentsOf(t)).filter((p) => p.kind === 'collection' || p.kind === 'write_off');

  it('collects a decline once when two collections arrive at once (a double click, two tabs)', async () => {
    const t = await open();
    const paymentId = await declined(t);
    const answers = await Promise.all([
      t.call(TILL, 'payments.collect', { paymentId, method: 'cash' }),
      t.call(TILL, 'payments.collect', { paymentId, method: 'cash' }),
      t.call(TILL, 'payments.collect', { paymentId, method: 'card' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await resolutions(t)).toHaveLength(1);
    // The card collection never reached the processor: nothing was charged for the decline a second time.
    expect([...chargesIn(await ledgerOf(t))]).toEqual([]);
  });

  it('lets a collection and a write-off of the same decline race: one of them, never both', async () => {
    const t = await open();
    const paymentId = await declined(t);
    const [collect, writeOff] = await Promise.all([
      t.call(TILL, 'payments.collect', { paymentId, method: 'cash' }),
      t.call(TILL, 'payments.writeOff', { paymentId, reason: 'Customer gone' }),
    ]);
    expect([collect.ok, writeOff.ok]).toEqual([true, false]);
    expect((await resolutions(t)).map((p) => p.kind)).toEqual(['collection']);
  });

  it('gives the resolution of a decline the same id on every till, so two tills resolving it offline meet as one document', async () => {
    const t = await open();
    const paymentId = await declined(t);
    const decline = (await paymentsOf(t)).find((p) => p.id === paymentId)!;
    const { paymentId: written } = await t.must(TILL, 'payments.writeOff', { paymentId, reason: 'Customer gone' });
    expect(written).toBe(resolutionId(decline));
    expect(resolutionId({ saleId: decline.saleId, idempotencyKey: `${decline.idempotencyKey}x` })).not.toBe(written);
  });
});

describe('a key the processor holds for another request', () => {
  it('never calls the payment declined nor captured: it stays unknown for IT, and nothing is charged twice', async () => {
    const standIn = await openStandInProcessor();
    // The real processor, with one twist: before the till's first forwarding that reaches it, another request (1 cent more) takes
    // the payment's key there, as a fault or a tampered till could. The processor then refuses the till's request.
    let primed = false;
    const processor: CardProcessor = {
      ...standIn.processor,
      async pay(request) {
        if (request.offline && !primed) {
          primed = (await standIn.processor.pay({ ...request, amount: request.amount + 1, offline: false })).kind === 'answer';
        }
        return standIn.processor.pay(request);
      },
    };
    const t = (till = await openSellingTill({ ...QUICK, processor }));
    t.onDispose(standIn.dispose);
    await allowOffline(t);
    await standIn.temp.control.behaviour({ down: true });
    const cart = await cartOf(t, [COFFEE.barcode]);
    await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 1299 }] });
    await standIn.temp.control.behaviour({ down: false });
    await vi.waitFor(async () => expect((await paymentsOf(t))[0]).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/holds another request under this payment.s key/) }), { timeout: 10_000 });
    // Passes later look the key up: the processor's answer (1300) is not this payment's (1299), so it stays unknown.
    await vi.waitFor(async () => expect((await paymentsOf(t))[0]!.reason).toMatch(/approved 1300 EUR under its key/), { timeout: 10_000 });
    expect((await paymentsOf(t))[0]!.status).toBe('unknown');
    expect(await status(t)).toMatchObject({ waiting: { count: 1, amount: 1299 }, attention: 0 });
    const [payment] = await paymentsOf(t);
    expect([...chargesIn(await standIn.temp.control.ledger())]).toEqual([[payment!.idempotencyKey, 1300]]);
  });
});

describe('the offline rule', () => {
  it('is a manager\u2019s to change, audited, and refuses caps that make no sense', async () => {
    const t = await open();
    expect(await t.call(TILL, 'payments.setOfflineCards', { enabled: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await loginAs(t, 'maria');
    expect(await t.call(TILL, 'payments.setOfflineCards', { enabled: true, perPaymentCap: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.call(TILL, 'payments.setOfflineCards', { enabled: true, perPaymentCap: 12.5 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.call(TILL, 'payments.setOfflineCards', { enabled: true, perPaymentCap: 5_000, terminalCap: 1_000 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.must(TILL, 'payments.setOfflineCards', { enabled: true, perPaymentCap: 5_000 })).toEqual({ enabled: true, perPaymentCap: 5_000, terminalCap: 100_000 });
    expect((await t.must(TILL, 'settings.get', {})).offlineCards).toEqual({ enabled: true, perPaymentCap: 5_000, terminalCap: 100_000 });
    expect((await t.db.audit_events.find({ selector: { type: 'settings.updated' } }).exec()).map((e) => e.details)).toEqual([
      { keys: 'offlineCards', offlineCards: '{"enabled":false,"perPaymentCap":10000,"terminalCap":100000} → {"enabled":true,"perPaymentCap":5000,"terminalCap":100000}' },
    ]);
  });
});
