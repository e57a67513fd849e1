/**
 * A till with sync on, forwarding cards it took offline while its own uploads come back to it through the pull:
 * a decline reaches the managers' worklist within 3 s of the processor's answer, audited once, and stays declined
 * (the pull never writes an older copy of the till's own payment back). And revisions written on the server past
 * its rules (by its admin) never enter the till's books: it keeps its own, and audits what it refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentsStatus } from '../../../shared/api/commands/payments-commands';
import type { SyncStatus } from '../../../shared/api/commands/sync-commands';
import type { AuditEventDoc, PaymentDoc, SaleDoc } from '../../../shared/model';
import { databaseName, terminalUserName } from '../../../shared/sync/sync-names';
import { COFFEE, openSellingTill, TILL, type SellingTill } from '../selling/test-support/selling-till';
import { createMemoryCredentialStore } from './credential-store';
import { startSyncBackend, TEST_SYNC_TIMING, waitFor, type SyncBackend } from './test-support/sync-harness';

let backend: SyncBackend | null = null;
let till: SellingTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
  await backend?.close();
  backend = null;
});

/** T1, a manager till, syncing with the backend; cards forwarded quickly once the processor answers, idle 30 s as in a store. */
async function openSyncedTill(b: SyncBackend): Promise<SellingTill> {
  const credentials = createMemoryCredentialStore({ url: b.url, username: terminalUserName(b.prefix, 'T1'), password: b.passwordOf('T1') });
  till = await openSellingTill({
    sync: { url: null, prefix: b.prefix, credentials, ...TEST_SYNC_TIMING },
    paymentTiming: { minBackoffMs: 50, maxBackoffMs: 200, concurrency: 4 },
  });
  await till.must(TILL, 'auth.login', { username: 'maria', secret: '4321' });
  return till;
}

const synced = (t: SellingTill) =>
  waitFor('the till to be in sync', async () => {
    const status = (await t.must(TILL, 'sync.status', {})) as SyncStatus;
    return status.state === 'online' && status.pendingTotal === 0 && status.firstSync === null ? status : null;
  }, 60_000);
const cardPayments = async (t: SellingTill) => (await t.db.payments.find().exec()).map((d) => d.toMutableJSON() as PaymentDoc).filter((p) => p.method === 'card');
const auditsOf = async (t: SellingTill, type: string) => (await t.db.audit_events.find({ selector: { type } }).exec()).map((d) => d.toMutableJSON() as AuditEventDoc);

describe('declines after the fact, with sync on', () => {
  it('reach the worklist within 3 s of the processor\u2019s answer, audited once, and stay declined', { timeout: 180_000 }, async () => {
    backend = await startSyncBackend([{ terminalId: 'T1', manager: true }]);
    const t = await openSyncedTill(backend);
    await t.must(TILL, 'payments.setOfflineCards', { enabled: true });
    // Every status each payment is stored with: a declined one never goes back (the pull wrote an older copy before).
    const seen = new Map<string, string[]>();
    t.db.payments.$.subscribe((e) => seen.set(String(e.documentData.id), [...(seen.get(String(e.documentData.id)) ?? []), String(e.documentData.status)]));
    await t.standIn!.temp.control.behaviour({ down: true });
    for (let i = 0; i < 4; i++) {
      const cart = await t.must(TILL, 'cart.scan', { code: COFFEE.barcode });
      await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: cart.total, testCard: 'decline' }] });
    }
    // The queued payments are on the server: each change the forwarding makes goes up and comes back in the pull.
    await synced(t);
    await t.standIn!.temp.control.behaviour({ down: false, latencyMs: 40 });

    await waitFor('the processor to answer every card', async () => (await t.standIn!.temp.control.ledger()).length >= 4, 30_000, 20);
    const answered = Date.now();
    await waitFor('the declines on the worklist', async () => (await t.must(TILL, 'payments.worklist', {})).length === 4, 30_000, 20);
    const latencyMs = Date.now() - answered;
    console.info(`worklist latency with sync on: ${latencyMs} ms after the processor's last answer`);
    expect(latencyMs).toBeLessThan(3_000);

    await synced(t);
    // Let the feed bring every upload back: the payments stay declined, and each decline was audited once.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await synced(t);
    expect((await cardPayments(t)).map((p) => p.status)).toEqual(['declined', 'declined', 'declined', 'declined']);
    for (const [id, statuses] of seen) expect(statuses.slice(statuses.indexOf('declined')), id).toEqual(['declined']);
    expect((await auditsOf(t, 'payment.declined_after')).length).toBe(4);
    expect(((await t.must(TILL, 'payments.status', {})) as PaymentsStatus).attention).toBe(4);
    const onServer = (await backend.docs('payments')).filter((p) => p.method === 'card');
    expect(onServer.map((p) => p.status)).toEqual(['declined', 'declined', 'declined', 'declined']);
  });
});

describe('revisions written past the server\u2019s rules', () => {
  it('never enter the till\u2019s books: it keeps its own sale and payment, and audits what it refused', { timeout: 180_000 }, async () => {
    backend = await startSyncBackend([{ terminalId: 'T1', manager: true }]);
    const t = await openSyncedTill(backend);
    const cart = await t.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: cart.total }] });
    await synced(t);
    const [sale] = (await t.db.sales.find().exec()).map((d) => d.toMutableJSON() as SaleDoc);
    const [payment] = await cardPayments(t);

    // The server's admin (who passes every rule) rewrites the sale's total and the payment's amount.
    const forge = async (collection: 'sales' | 'payments', id: string, change: Record<string, unknown>) => {
      const path = `${databaseName(backend!.prefix, collection)}/${encodeURIComponent(id)}`;
      const current = (await backend!.admin.request<Record<string, unknown>>('GET', path)).body;
      const written = await backend!.admin.request('PUT', path, { ...current, ...change });
      expect(written.status).toBe(201);
    };
    await forge('sales', sale!.id, { total: 1 });
    await forge('payments', payment!.id, { amount: 1, status: 'queued' });

    await waitFor('the refusals to be audited', async () => (await auditsOf(t, 'sync.pull_refused')).length >= 2, 30_000);
    const refusals = await auditsOf(t, 'sync.pull_refused');
    expect(refusals.map((e) => e.subjectId).sort()).toEqual([payment!.id, sale!.id].sort());
    expect(((await t.db.sales.findOne(sale!.id).exec())!.toMutableJSON() as SaleDoc).total).toBe(sale!.total);
    expect((await t.db.payments.findOne(payment!.id).exec())!.toMutableJSON()).toMatchObject({ amount: payment!.amount, status: 'captured' });
    const receipt = await t.must(TILL, 'sales.receipt', { number: sale!.number });
    expect(receipt.payments).toEqual([expect.objectContaining({ amount: payment!.amount, status: 'captured' })]);
  });
});
