/**
 * The payment ledger's own refusals, on a real SQLite store: a change along a transition the state machine does not
 * allow, or of another terminal's payment, leaves the stored document as it was; a sale's derived payments are
 * written only when they are this terminal's, start where their kind may start, and meet nothing but themselves.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TillError } from '../../../shared/api/errors';
import { createIdFactory } from '../../../shared/ids';
import { upgradeDoc } from '../../../shared/db/migrations';
import type { PaymentDoc, PaymentStatus, SaleDoc } from '../../../shared/model';
import { TEST_CARDS } from '../../../shared/payments/processor-api';
import { cardTender, cashTender } from '../../../shared/sale/sale-tender';
import { openDatabase, type KassaDatabase } from '../db/open-database';
import type { Logger } from '../log';
import { derivedDocs } from '../selling/sale-book';
import { saleDoc } from '../selling/test-support/sale-doc';
import { AuditLog } from '../services/audit-log';
import type { CoreContext } from '../services/core-context';
import { createWriteQueue } from '../services/write-queue';
import { makeTempDir } from '../test-support/temp-till';
import { PaymentLedger } from './payment-ledger';

const AT = Date.parse('2026-11-28T10:00:00.000Z');

interface OpenLedger {
  /** The ledger's writes, each in its turn in the till's write queue (as the core makes them). */
  ledger: Pick<PaymentLedger, 'change' | 'insertDerived'>;
  db: KassaDatabase;
  /** What the ledger logged as errors (for IT). */
  errors: { message: string; context: Record<string, unknown> | undefined }[];
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** The ledger of terminal T1 on a fresh store, with its error log kept for the test. */
async function openLedger(): Promise<OpenLedger> {
  const dataDir = makeTempDir();
  const db = await openDatabase({ dataDir });
  cleanup = async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const errors: OpenLedger['errors'] = [];
  const log: Logger = { debug() {}, info() {}, warn() {}, error: (message, context) => errors.push({ message, context }) };
  const now = () => AT;
  const newId = createIdFactory('T1', { now });
  const writes = createWriteQueue(() => undefined);
  const ctx: CoreContext = { db, terminalId: 'T1', now, newId, push: () => undefined, log, audit: new AuditLog({ db, terminalId: 'T1', now, newId }), writes };
  const ledger = new PaymentLedger(ctx);
  return {
    ledger: {
      change: (...args) => writes(() => ledger.change(...args)),
      insertDerived: (...args) => writes(() => ledger.insertDerived(...args)),
    },
    db,
    errors,
  };
}

/** A sale of T1 paid 5.00 in cash and 12.99 by card, as checkout derives its payments (`-P1` cash, `-P2` card). */
function paymentsOfSale(card: { reference: string; forwarding: '' | 'queued' | 'unknown' }, more: { terminalId?: string } = {}): PaymentDoc[] {
  const sale = saleDoc({
    id: 'T1-SALE',
    total: 1799,
    tenders: [cashTender(500), cardTender(1299, TEST_CARDS.approve, { idempotencyKey: 'T1-SALE-P2-0A1B2C3D', ...card })],
    ...more,
  });
  return derivedDocs(sale).payments;
}

const stored = async (db: KassaDatabase, id: string) => {
  const doc = await db.payments.findOne(id).exec();
  return doc ? { revision: doc.revision, data: doc.toMutableJSON() as PaymentDoc } : null;
};

async function refusal(run: Promise<unknown>): Promise<TillError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TillError)) throw new Error(`expected a TillError, got ${String(error)}`);
  return error;
}

describe('PaymentLedger.change', () => {
  it.each<[PaymentStatus, PaymentStatus]>([
    ['captured', 'queued'],
    ['captured', 'declined'],
    ['declined', 'submitting'],
    ['declined', 'captured'],
    ['queued', 'captured'],
    ['queued', 'declined'],
    ['submitting', 'expired'],
    ['expired', 'queued'],
    ['handed_over', 'submitting'],
  ])('refuses %s \u2192 %s with CONFLICT and leaves the stored payment as it was', async (from, to) => {
    const { ledger, db } = await openLedger();
    // Written in a legal start, then moved (along legal steps, by hand) to where the test needs it.
    const [, card] = paymentsOfSale({ reference: '', forwarding: 'queued' });
    await ledger.insertDerived([card!]);
    await (await db.payments.findOne(card!.id).exec())!.incrementalPatch({ status: from });
    const before = await stored(db, card!.id);

    const error = await refusal(ledger.change(card!.id, to, { reference: 'FORGED', attempts: 9 }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`Payment ${card!.id} is ${from} and cannot become ${to}.`);
    expect(await stored(db, card!.id)).toEqual(before);
  });

  it('moves a payment along a legal transition, durably, and marks it settled when final', async () => {
    const { ledger, db } = await openLedger();
    const [, card] = paymentsOfSale({ reference: '', forwarding: 'queued' });
    await ledger.insertDerived([card!]);
    await ledger.change(card!.id, 'submitting', { attempts: 1 });
    const captured = await ledger.change(card!.id, 'captured', { reference: 'REF-9' });
    expect(captured).toMatchObject({ status: 'captured', reference: 'REF-9', attempts: 1, settledAt: new Date(AT).toISOString() });
    expect((await stored(db, card!.id))!.data).toEqual(captured);
  });

  it('refuses to change another terminal\u2019s payment (CONFLICT), even along a legal transition, and one that is not there', async () => {
    const { ledger, db } = await openLedger();
    // T2's queued card, as it arrives here by sync.
    const [, theirs] = paymentsOfSale({ reference: '', forwarding: 'queued' }, { terminalId: 'T2' });
    await db.payments.insert(theirs!);
    const before = await stored(db, theirs!.id);
    const error = await refusal(ledger.change(theirs!.id, 'submitting'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/belongs to till T2: only that till changes it/);
    expect(await stored(db, theirs!.id)).toEqual(before);
    expect((await refusal(ledger.change('T1-NOPE-P1', 'captured'))).code).toBe('NOT_FOUND');
  });
});

describe('PaymentLedger.insertDerived', () => {
  it('writes a sale\u2019s payments and returns their ids; written again they are "already there", not written twice', async () => {
    const { ledger, db, errors } = await openLedger();
    const payments = paymentsOfSale({ reference: 'REF-1', forwarding: '' });
    expect(await ledger.insertDerived(payments)).toEqual(new Set(['T1-SALE-P1', 'T1-SALE-P2']));
    const revisions = await Promise.all(payments.map(async (p) => (await stored(db, p.id))!.revision));
    expect(await ledger.insertDerived(payments)).toEqual(new Set());
    expect(await Promise.all(payments.map(async (p) => (await stored(db, p.id))!.revision))).toEqual(revisions);
    expect(await ledger.insertDerived([])).toEqual(new Set());
    expect(errors).toEqual([]);
  });

  it('counts a payment forwarded since it was written as the same one (a later status, its reference, attempts)', async () => {
    const { ledger, db, errors } = await openLedger();
    const payments = paymentsOfSale({ reference: '', forwarding: 'queued' });
    await ledger.insertDerived(payments);
    await ledger.change('T1-SALE-P2', 'submitting', { attempts: 1 });
    await ledger.change('T1-SALE-P2', 'captured', { reference: 'REF-FORWARDED' });
    // The crash-recovery pass derives the same payments again: only a missing one is written.
    await db.payments.findOne('T1-SALE-P1').remove();
    expect(await ledger.insertDerived(payments)).toEqual(new Set(['T1-SALE-P1']));
    expect((await stored(db, 'T1-SALE-P2'))!.data).toMatchObject({ status: 'captured', attempts: 1, reference: 'REF-FORWARDED' });
    expect(errors).toEqual([]);
  });

  it('counts a payment written before payments named their clerk and their life (migrated from v0) as the same', async () => {
    const { ledger, db, errors } = await openLedger();
    // A sale and its payments as the till wrote them before card payments, each brought to today's shape.
    const v0Tenders = [{ method: 'card', amount: 1299, tendered: 1299, reference: 'REF-1' }, { method: 'cash', amount: 500, tendered: 1000, reference: '' }];
    const sale = upgradeDoc('sales', saleDoc({ id: 'T1-OLD', total: 1799, tenders: v0Tenders as unknown as SaleDoc['tenders'] }));
    const v0Payments = v0Tenders.map((t, i) => ({ id: `T1-OLD-P${i + 1}`, saleId: 'T1-OLD', terminalId: 'T1', method: t.method, amount: t.amount, currency: 'EUR', status: 'captured', createdAt: sale.createdAt, reference: t.reference }));
    await db.payments.bulkInsert(v0Payments.map((p) => upgradeDoc('payments', p as unknown as PaymentDoc)));
    expect((await stored(db, 'T1-OLD-P1'))!.data.clerkId).toBe('');
    expect(await ledger.insertDerived(derivedDocs(sale).payments)).toEqual(new Set());
    expect(errors).toEqual([]);
  });

  it('refuses a payment of another terminal, writing none of the batch', async () => {
    const { ledger, db } = await openLedger();
    const [cash] = paymentsOfSale({ reference: 'REF-1', forwarding: '' });
    const [, theirs] = paymentsOfSale({ reference: 'REF-2', forwarding: '' }, { terminalId: 'T2' });
    await expect(ledger.insertDerived([cash!, theirs!])).rejects.toThrow(`Payment ${theirs!.id} belongs to terminal T2, not this one`);
    expect(await db.payments.count().exec()).toBe(0);
  });

  it.each<[PaymentDoc['kind'], PaymentStatus]>([
    ['tender', 'submitting'],
    ['tender', 'declined'],
    ['tender', 'written_off'],
    ['tender', 'handed_over'],
    ['collection', 'queued'],
    ['write_off', 'captured'],
    ['handover', 'captured'],
  ])('refuses a %s payment that starts as %s, writing none of the batch', async (kind, status) => {
    const { ledger, db } = await openLedger();
    const [cash, card] = paymentsOfSale({ reference: 'REF-1', forwarding: '' });
    await expect(ledger.insertDerived([cash!, { ...card!, kind, status }])).rejects.toThrow(`A ${kind} payment cannot start as ${status}`);
    expect(await db.payments.count().exec()).toBe(0);
  });

  it.each<[string, (p: PaymentDoc) => PaymentDoc, string]>([
    ['another amount', (p) => ({ ...p, amount: p.amount - 1 }), 'amount'],
    ['another card', (p) => ({ ...p, cardLast4: '0005', cardToken: 'tok_other' }), 'cardLast4, cardToken'],
    ['another key', (p) => ({ ...p, idempotencyKey: 'T1-SALE-P2-FFFFFFFF' }), 'idempotencyKey'],
    ['another sale', (p) => ({ ...p, saleId: 'T1-OTHER' }), 'saleId'],
    ['another clerk', (p) => ({ ...p, clerkId: 'DEMO-U9' }), 'clerkId'],
    ['another processor reference', (p) => ({ ...p, reference: 'REF-FORGED' }), 'reference'],
    ['a status the derived one cannot reach', (p) => ({ ...p, status: 'queued', settledAt: '' }), 'status'],
  ])('throws, logged for IT, when %s is stored under a derived payment\u2019s id, and leaves it alone', async (_name, corrupt, fields) => {
    const { ledger, db, errors } = await openLedger();
    const payments = paymentsOfSale({ reference: 'REF-1', forwarding: '' });
    await db.payments.insert(corrupt(payments[1]!));
    const before = await stored(db, 'T1-SALE-P2');

    const error = await ledger.insertDerived(payments).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(`The stored payment T1-SALE-P2 (${fields}) is not the one its sale says: nothing was overwritten; IT must compare the sale with its payments.`);
    expect(errors).toEqual([{ message: expect.stringMatching(/books disagree/), context: { paymentId: 'T1-SALE-P2', saleId: 'T1-SALE', fields: fields.split(', ') } }]);
    expect(await stored(db, 'T1-SALE-P2')).toEqual(before);
    // The rest of the sale is written: nothing of it is lost while IT looks.
    expect(await stored(db, 'T1-SALE-P1')).not.toBeNull();
  });
});
