/**
 * The offline card caps at their boundaries, through the till core's one door with the stand-in processor down: a
 * card of exactly the cap per card, or exactly what the terminal cap leaves, is taken offline; one minor unit more
 * is refused and writes nothing. The same for a card refund, and for the caps a manager may set (the cap per card
 * may equal the cap per till, not pass it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COFFEE, loginAs, MONEY_COLLECTIONS, openSellingTill, TILL, type SellingTill } from '../selling/test-support/selling-till';

let till: SellingTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

async function open(): Promise<SellingTill> {
  till = await openSellingTill();
  return till;
}

async function coffees(t: SellingTill, count: number) {
  let cart = await t.must(TILL, 'cart.get', {});
  for (let i = 0; i < count; i++) cart = await t.must(TILL, 'cart.scan', { code: COFFEE.barcode });
  return cart;
}

async function setCaps(t: SellingTill, caps: { perPaymentCap?: number; terminalCap?: number }) {
  await loginAs(t, 'maria');
  await t.must(TILL, 'payments.setOfflineCards', { enabled: true, ...caps });
  await loginAs(t, 'clara');
}

/**
 * The ids of every sale, payment and stock movement: a refused card writes none. (Not their revisions: the
 * forwarding keeps trying the waiting cards in the background, moving them queued → submitting → queued.)
 */
async function moneyDocs(t: SellingTill): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of MONEY_COLLECTIONS) out[name] = (await t.db[name].find().exec()).map((d) => d.primary).sort();
  return out;
}

const processorDown = (t: SellingTill) => t.standIn!.temp.control.behaviour({ down: true });
/** `cards` by card, the rest of 50.00 in cash (change given): the card amounts are exactly what the test says. */
const paying = (...cards: number[]) => [...cards.map((amount) => ({ method: 'card' as const, amount })), { method: 'cash' as const, amount: 5_000 }];

describe('the offline cap per card', () => {
  it('takes a card of exactly the cap offline and refuses one a cent over, writing nothing', async () => {
    const t = await open();
    await setCaps(t, { perPaymentCap: 1_000, terminalCap: 100_000 });
    await processorDown(t);
    const cart = await coffees(t, 2); // 25.98

    const before = await moneyDocs(t);
    expect(await t.call(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: paying(1_001) })).toMatchObject({
      ok: false,
      error: { code: 'CARD_UNAVAILABLE', message: expect.stringMatching(/cannot be reached and offline cards are limited to 10\.00 EUR each/) },
    });
    expect(await moneyDocs(t)).toEqual(before);

    const paid = await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: paying(1_000) });
    expect(paid.receipt.payments[0]).toEqual({ method: 'card', amount: 1_000, status: 'queued', card: 'Visa \u2022\u2022\u2022\u2022 4242', offline: true });
  });

  it('holds for a card refund too: exactly the cap is refunded offline, a cent over is refused', async () => {
    const t = await open();
    const cart = await coffees(t, 2);
    const sale = await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: 2_598 }] });
    await setCaps(t, { perPaymentCap: 1_299, terminalCap: 100_000 });
    await processorDown(t);
    await loginAs(t, 'maria'); // a manager's own session approves the returns
    const oneCoffee = { saleId: sale.receipt.saleId, lines: [{ lineIndex: 0, qtyMilli: 1_000 }], refundTo: 'original' as const };

    const first = await t.must(TILL, 'returns.create', oneCoffee);
    expect(first.receipt.payments).toEqual([{ method: 'card', amount: -1_299, status: 'queued', card: 'Visa \u2022\u2022\u2022\u2022 4242', offline: true }]);

    await t.must(TILL, 'payments.setOfflineCards', { enabled: true, perPaymentCap: 1_298 });
    const before = await moneyDocs(t);
    expect(await t.call(TILL, 'returns.create', oneCoffee)).toMatchObject({
      ok: false,
      error: { code: 'CARD_UNAVAILABLE', message: expect.stringMatching(/limited to 12\.98 EUR each/) },
    });
    expect(await moneyDocs(t)).toEqual(before);
  });
});

describe('the offline cap per terminal', () => {
  it('takes cards up to exactly what the cap leaves, counting earlier cards of the same checkout, and not a cent more', async () => {
    const t = await open();
    await setCaps(t, { perPaymentCap: 2_000, terminalCap: 2_000 });
    await processorDown(t);
    const first = await coffees(t, 1);
    await t.must(TILL, 'checkout.pay', { cartRevision: first.revision, tenders: [{ method: 'card', amount: 1_299 }] });
    expect(await t.must(TILL, 'payments.status', {})).toMatchObject({ waiting: { count: 1, amount: 1_299 }, offlineRoom: 701 });

    const cart = await coffees(t, 1);
    const before = await moneyDocs(t);
    for (const cards of [[702], [350, 352]]) {
      expect(await t.call(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: paying(...cards) })).toMatchObject({
        ok: false,
        error: { code: 'CARD_UNAVAILABLE', message: expect.stringMatching(/may hold only 20\.00 EUR of offline cards \((7\.01|3\.51) left\)/) },
      });
    }
    expect(await moneyDocs(t)).toEqual(before);

    const paid = await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: paying(350, 351) });
    expect(paid.receipt.payments.filter((p) => p.method === 'card').map((p) => [p.amount, p.status])).toEqual([
      [350, 'queued'],
      [351, 'queued'],
    ]);
    expect(await t.must(TILL, 'payments.status', {})).toMatchObject({ waiting: { count: 3, amount: 2_000 }, offlineRoom: 0 });

    const full = await coffees(t, 1);
    expect(await t.call(TILL, 'checkout.pay', { cartRevision: full.revision, tenders: paying(1) })).toMatchObject({
      ok: false,
      error: { code: 'CARD_UNAVAILABLE', message: expect.stringMatching(/\(0\.00 left\)/) },
    });
  });
});

describe('the caps a manager sets', () => {
  it('lets the cap per card equal the cap per till and refuses it a cent above, given together or one at a time', async () => {
    const t = await open();
    await loginAs(t, 'maria');
    const set = (caps: { perPaymentCap?: number; terminalCap?: number }) => t.call(TILL, 'payments.setOfflineCards', { enabled: true, ...caps });

    expect(await set({ perPaymentCap: 5_000, terminalCap: 5_000 })).toEqual({ ok: true, value: { enabled: true, perPaymentCap: 5_000, terminalCap: 5_000 } });
    expect(await set({ perPaymentCap: 5_001, terminalCap: 5_000 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    // One cap given: checked against the other as stored.
    expect(await set({ perPaymentCap: 5_001 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'The cap per card cannot exceed the cap per till.' } });
    expect(await set({ terminalCap: 4_999 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'The cap per card cannot exceed the cap per till.' } });
    expect(await set({ terminalCap: 5_000 })).toMatchObject({ ok: true });
    expect((await t.must(TILL, 'settings.get', {})).offlineCards).toEqual({ enabled: true, perPaymentCap: 5_000, terminalCap: 5_000 });
  });

  it('holds in the store settings an admin saves as a whole', async () => {
    const t = await open();
    await loginAs(t, 'admin');
    const save = (perPaymentCap: number, terminalCap: number) => t.call(TILL, 'settings.update', { offlineCards: { enabled: true, perPaymentCap, terminalCap } });
    expect(await save(7_000, 7_000)).toMatchObject({ ok: true, value: { offlineCards: { perPaymentCap: 7_000, terminalCap: 7_000 } } });
    expect(await save(7_001, 7_000)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
