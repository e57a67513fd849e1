/**
 * A till that is gone leaves card payments it took offline. Another till of the store takes its queue over (a
 * manager's command), forwards them under their own keys, and they are charged once — also when the first till
 * comes back and forwards them as well. Two tills against one stand-in processor; what sync would carry between them
 * (the first till's sales and payments) is copied into the second's store; one till is open at a time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaymentDoc, SaleDoc } from '../../../shared/model';
import { newSigningKey } from '../../../shared/payments/signature';
import { openTempProcessor, type TempProcessor } from '../../../processor/test-support/temp-processor';
import { createLogger } from '../log';
import { COFFEE, loginAs, openSellingTill, TILL, type SellingTill } from '../selling/test-support/selling-till';
import { createHttpProcessor } from './http-processor';
import { chargesIn } from './test-support/stand-in-processor';

let tills: SellingTill[] = [];
let processor: TempProcessor | null = null;
afterEach(async () => {
  for (const till of tills) await till.dispose();
  tills = [];
  await processor?.dispose();
  processor = null;
});

const QUICK = { minBackoffMs: 50, maxBackoffMs: 200, idleMs: 100, concurrency: 2 };

const payments = async (till: SellingTill): Promise<PaymentDoc[]> => (await till.db.payments.find().exec()).map((d) => d.toMutableJSON() as PaymentDoc);

describe('taking over the queue of a till that is gone', () => {
  it('charges each payment once, whichever till forwards it first, and settles the sales on both', { timeout: 60_000 }, async () => {
    const t1Key = { ...newSigningKey('T1-key'), terminalId: 'T1' };
    const t2Key = { ...newSigningKey('T2-key'), terminalId: 'T2' };
    processor = await openTempProcessor({ keys: [t1Key, t2Key], log: () => undefined });
    const clientOf = (key: typeof t1Key) => createHttpProcessor({ url: processor!.processor.url, key, timeoutMs: 2_000, log: createLogger(`test-${key.terminalId}`) });
    // T1 retries slowly while the processor is down, so its queue stands still when it goes.
    const SLOW = { ...QUICK, minBackoffMs: 60_000, maxBackoffMs: 60_000, idleMs: 60_000 };
    const t1 = await openSellingTill({ terminalId: 'T1', processor: clientOf(t1Key), paymentTiming: SLOW });
    tills.push(t1);

    await loginAs(t1, 'maria');
    await t1.must(TILL, 'payments.setOfflineCards', { enabled: true });
    await processor.control.behaviour({ down: true });
    for (let i = 0; i < 2; i++) {
      const cart = await t1.must(TILL, 'cart.scan', { code: COFFEE.barcode });
      await t1.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: cart.total }] });
    }
    await vi.waitFor(async () => expect((await payments(t1)).map((p) => p.status)).toEqual(['queued', 'queued']), { timeout: 10_000 });
    const queued = await payments(t1);
    const t1Sales = (await t1.db.sales.find().exec()).map((d) => d.toMutableJSON() as SaleDoc);
    // T1 is gone (one till per process here: rxdb's open collections allow one store at a time).
    await t1.core.close();

    // What sync brings T2: T1's sales and their payments.
    const t2 = await openSellingTill({ terminalId: 'T2', processor: clientOf(t2Key), paymentTiming: QUICK });
    tills.push(t2);
    await t2.db.sales.bulkInsert(t1Sales);
    await t2.db.payments.bulkInsert(queued);
    await processor.control.behaviour({ down: false });

    await loginAs(t2, 'maria');
    // Online together with T1's queue in its store, T2 never submits T1's payments on its own: several forwarding
    // passes (100 ms apart) after it knows the processor answers, the processor has seen none of them.
    await vi.waitFor(async () => expect(await t2.must(TILL, 'payments.status', {})).toMatchObject({ processor: 'reachable' }), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await processor.control.ledger()).toEqual([]);
    expect(await t2.must(TILL, 'payments.waitingElsewhere', {})).toEqual([{ terminalId: 'T1', count: 2, amount: 2 * 1299, currency: 'EUR', oldest: queued[0]!.createdAt }]);
    expect(await t2.call(TILL, 'payments.takeOver', { terminalId: 'T2' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t2.must(TILL, 'payments.takeOver', { terminalId: 'T1' })).toEqual({ taken: 2, amount: 2 * 1299 });
    // Asked twice, nothing more is taken.
    expect(await t2.call(TILL, 'payments.takeOver', { terminalId: 'T1' })).toMatchObject({ ok: true, value: { taken: 0 } });
    await vi.waitFor(async () => expect((await payments(t2)).filter((p) => p.kind === 'handover').map((p) => p.status)).toEqual(['captured', 'captured']), { timeout: 10_000 });
    const recent = await t2.must(TILL, 'sales.recent', { limit: 5 });
    expect(recent.filter((s) => s.terminalId === 'T1').map((s) => s.settlement)).toEqual(['settled', 'settled']);

    const handedOver = (await payments(t2)).filter((p) => p.kind === 'handover');
    await t2.core.close();

    // T1 comes back and forwards the same payments: the processor gives the answers it gave T2; nothing twice.
    await t1.reopen({ paymentTiming: QUICK });
    await vi.waitFor(async () => expect((await payments(t1)).filter((p) => p.method === 'card').map((p) => p.status)).toEqual(['captured', 'captured']), { timeout: 10_000 });
    const ledger = await processor.control.ledger();
    expect(ledger.filter((r) => r.kind === 'payment')).toHaveLength(2);
    expect([...chargesIn(ledger).keys()].sort()).toEqual(queued.map((p) => p.idempotencyKey).sort());
    const references = (list: PaymentDoc[]) => list.filter((p) => p.method === 'card').map((p) => p.reference).sort();
    expect(references(await payments(t1))).toEqual(references(handedOver));
  });
});
