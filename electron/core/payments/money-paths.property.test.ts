/**
 * Money paths under commands that arrive at once (a double click, a command sent again while the first waits for
 * the processor): random interleavings of collecting and writing off declined cards, sales, refunds, paid-ins and
 * paid-outs, closing the shift and X reports, fired together at one till. Whatever the order, a decline is settled
 * at most once, a shift is closed with one Z, the drawer's expected cash is the float plus the cash in minus the
 * cash out, and every payment moves only along the state machine.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaymentsStatus } from '../../../shared/api/commands/payments-commands';
import type { PaymentDoc, PaymentKind, PaymentStatus, SaleDoc, ShiftDoc } from '../../../shared/model';
import { mayChange, mayStartAs } from '../../../shared/payments/payment-states';
import { BREAD, COFFEE, openSellingTill, TILL, type SellingTill } from '../selling/test-support/selling-till';

const FLOAT = [{ value: 2000, count: 5 }];
const FLOAT_TOTAL = 10_000;

type Action =
  | { kind: 'collect'; issue: number; method: 'cash' | 'card' }
  | { kind: 'writeOff'; issue: number }
  | { kind: 'sell'; method: 'cash' | 'card' }
  | { kind: 'refund'; sale: number }
  | { kind: 'paidIn' | 'paidOut'; amount: number }
  | { kind: 'close'; counted: number }
  | { kind: 'xReport' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('collect' as const), issue: fc.integer({ min: 0, max: 1 }), method: fc.constantFrom('cash' as const, 'card' as const)}),
  fc.record({ kind: fc.constant('writeOff' as const), issue: fc.integer({ min: 0, max: 1 })}),
  fc.record({ kind: fc.constant('sell' as const), method: fc.constantFrom('cash' as const, 'card' as const)}),
  fc.record({ kind: fc.constant('refund' as const), sale: fc.integer({ min: 0, max: 1 })}),
  fc.record({ kind: fc.constantFrom('paidIn' as const, 'paidOut' as const), amount: fc.integer({ min: 1, max: 12_000 })}),
  fc.record({ kind: fc.constant('close' as const), counted: fc.integer({ min: 0, max: 30_000 })}),
  fc.record({ kind: fc.constant('xReport' as const)}),
);

let till: SellingTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

interface Prepared {
  t: SellingTill;
  issues: PaymentDoc[];
  cashSales: string[];
  shiftId: string;
  /** Every status each payment was stored with, in order. */
  history: Map<string, { kind: PaymentKind; statuses: PaymentStatus[] }>;
}

/** A manager's till with a shift open, two cash sales and two card payments declined after the fact. */
async function prepare(): Promise<Prepared> {
  const t = await openSellingTill({ paymentTiming: { minBackoffMs: 20, maxBackoffMs: 100, idleMs: 50, concurrency: 2 } });
  till = t;
  const history: Prepared['history'] = new Map();
  t.db.payments.$.subscribe((event) => {
    const doc = event.documentData as PaymentDoc;
    const seen = history.get(doc.id) ?? { kind: doc.kind, statuses: [] };
    if (seen.statuses.at(-1) !== doc.status) seen.statuses.push(doc.status);
    history.set(doc.id, seen);
  });
  await t.must(TILL, 'auth.login', { username: 'maria', secret: '4321' });
  const shift = await t.must(TILL, 'shifts.open', { counts: FLOAT });
  await t.must(TILL, 'payments.setOfflineCards', { enabled: true });
  const cashSales: string[] = [];
  for (let i = 0; i < 2; i++) {
    const cart = await t.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 5_000 }] });
    cashSales.push((await t.db.sales.find({ sort: [{ seq: 'desc' }], limit: 1 }).exec())[0]!.id);
  }
  await t.standIn!.temp.control.behaviour({ down: true });
  for (let i = 0; i < 2; i++) {
    const cart = await t.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: cart.total, testCard: 'decline' }] });
  }
  await t.standIn!.temp.control.behaviour({ down: false });
  await vi.waitFor(async () => expect(((await t.must(TILL, 'payments.status', {})) as PaymentsStatus).attention).toBe(2), { timeout: 20_000, interval: 50 });
  const issues = (await t.must(TILL, 'payments.worklist', {})).map((issue) => issue.paymentId);
  const docs = await Promise.all(issues.map(async (id) => (await t.db.payments.findOne(id).exec())!.toMutableJSON() as PaymentDoc));
  return { t, issues: docs, cashSales, shiftId: shift.shiftId, history };
}

async function perform(p: Prepared, a: Action): Promise<{ action: Action; ok: boolean }> {
  const call = async (name: string, input: unknown) => (await p.t.core.dispatch(TILL, name, input)) as { ok: boolean; value?: unknown };
  switch (a.kind) {
    case 'collect':
      return { action: a, ok: (await call('payments.collect', { paymentId: p.issues[a.issue]!.id, method: a.method })).ok };
    case 'writeOff':
      return { action: a, ok: (await call('payments.writeOff', { paymentId: p.issues[a.issue]!.id, reason: 'Customer gone' })).ok };
    case 'sell': {
      const scanned = await call('cart.scan', { code: BREAD.barcode });
      if (!scanned.ok) return { action: a, ok: false };
      const cart = scanned.value as { revision: number; total: number };
      return { action: a, ok: (await call('checkout.pay', { cartRevision: cart.revision, tenders: [a.method === 'cash' ? { method: 'cash', amount: 5_000 } : { method: 'card', amount: cart.total }] })).ok };
    }
    case 'refund':
      return { action: a, ok: (await call('returns.create', { saleId: p.cashSales[a.sale]!, lines: [{ lineIndex: 0, qtyMilli: 1000 }], refundTo: 'original' })).ok };
    case 'paidIn':
    case 'paidOut':
      return { action: a, ok: (await call('shifts.cashMovement', { kind: a.kind === 'paidIn' ? 'paid_in' : 'paid_out', amount: a.amount, reason: 'Property test' })).ok };
    case 'close':
      return { action: a, ok: (await call('shifts.close', { shiftId: p.shiftId, counts: [{ value: 1, count: a.counted }] })).ok };
    case 'xReport':
      return { action: a, ok: (await call('shifts.xReport', {})).ok };
  }
}

const cashOf = (sale: SaleDoc) => sale.tenders.filter((t) => t.method === 'cash').reduce((sum, t) => sum + t.amount, 0);

async function checkInvariants(p: Prepared, results: { action: Action; ok: boolean }[]): Promise<void> {
  const { t } = p;
  await t.core.settled();
  const payments = (await t.db.payments.find().exec()).map((d) => d.toMutableJSON() as PaymentDoc);

  // A decline is settled at most once, and exactly once when a collection or write-off was answered ok.
  for (const [index, issue] of p.issues.entries()) {
    const resolutions = payments.filter((x) => x.resolves === issue.idempotencyKey && (x.kind === 'collection' || x.kind === 'write_off'));
    const answered = results.filter((r) => r.ok && (r.action.kind === 'collect' || r.action.kind === 'writeOff') && r.action.issue === index).length;
    expect(resolutions.length, `resolutions of decline ${index}`).toBe(Math.min(answered, 1));
    expect(answered, `answers that settled decline ${index}`).toBeLessThanOrEqual(1);
  }

  // One Z per shift.
  const shift = (await t.db.shifts.findOne(p.shiftId).exec())!.toMutableJSON() as ShiftDoc;
  const closes = results.filter((r) => r.ok && r.action.kind === 'close').length;
  expect(closes).toBe(shift.status === 'closed' ? 1 : 0);
  const zEvents = await t.db.audit_events.find({ selector: { id: `${p.shiftId}-Z` } }).exec();
  expect(zEvents.length).toBe(shift.status === 'closed' ? 1 : 0);

  // The drawer: float + cash in − cash out, from the stored sales and movements; every answered movement once.
  const answeredMoves = results.filter((r) => r.ok && (r.action.kind === 'paidIn' || r.action.kind === 'paidOut'));
  expect(shift.movements.length).toBe(answeredMoves.length);
  const sales = (await t.db.sales.find().exec()).map((d) => d.toMutableJSON() as SaleDoc).filter((s) => s.createdAt >= shift.openedAt && (shift.status === 'open' || s.createdAt <= shift.closedAt));
  const cashIn = sales.filter((s) => s.kind === 'sale').reduce((sum, s) => sum + cashOf(s), 0) + shift.movements.filter((m) => m.kind === 'paid_in').reduce((sum, m) => sum + m.amount, 0);
  const cashOut = sales.filter((s) => s.kind === 'return').reduce((sum, s) => sum + cashOf(s), 0) + shift.movements.filter((m) => m.kind === 'paid_out').reduce((sum, m) => sum + m.amount, 0);
  const expected = FLOAT_TOTAL + cashIn - cashOut;
  expect(expected, 'the drawer never owes more than it holds').toBeGreaterThanOrEqual(0);
  if (shift.status === 'closed') {
    expect(shift.expectedCash).toBe(expected);
    expect(shift.variance).toBe(shift.countedCash - expected);
  } else {
    expect((await t.must(TILL, 'shifts.xReport', {})).cash.expected).toBe(expected);
  }

  // Every payment's stored statuses are a path of the state machine.
  for (const [id, { kind, statuses }] of p.history) {
    expect(mayStartAs(kind, statuses[0]!), `${id} started as ${statuses[0]}`).toBe(true);
    for (let i = 1; i < statuses.length; i++) expect(mayChange(statuses[i - 1]!, statuses[i]!), `${id}: ${statuses.join(' → ')}`).toBe(true);
  }
}

describe('money paths under concurrent commands', () => {
  it('keep their invariants in every interleaving (fast-check)', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 12 }), async (actions) => {
        const prepared = await prepare();
        try {
          // All at once: each command enters the till in this order and runs as far as its first wait.
          const results = await Promise.all(actions.map((a) => perform(prepared, a)));
          await checkInvariants(prepared, results);
        } finally {
          await prepared.t.dispose();
          till = null;
        }
      }),
      { numRuns: Number(process.env.KASSA_PROPERTY_RUNS ?? 12), endOnFailure: true },
    );
  });
});
