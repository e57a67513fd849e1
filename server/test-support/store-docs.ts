/**
 * Test helper: documents of a store as tills write them to the server (CouchDB's `_id`, no revision yet), and
 * revisions as a replicator would send them.
 */
import { randomBytes } from 'node:crypto';
import type { SaleBundle } from '../../electron/core/sync/test-support/sale-fixtures';
import type { PaymentDoc, ShiftDoc, TerminalStatusDoc } from '../../shared/model';
import type { Doc } from './store-client';

export const AT = '2026-11-28T10:00:00.000Z';

export function couch<T extends { id: string }>(doc: T): Doc {
  const { id, ...rest } = doc;
  return { _id: id, ...rest };
}

/** Card payment `n` of a sale (a tender unless `more` says otherwise). */
export function cardPayment(sale: SaleBundle, n: number, status: PaymentDoc['status'], more: Partial<PaymentDoc> = {}): Doc {
  return couch({
    ...sale.payments[0]!,
    id: `${sale.sale.id}-P${n}`,
    method: 'card',
    status,
    idempotencyKey: `K-${sale.sale.id}-${n}`,
    cardBrand: 'Visa',
    cardLast4: '4242',
    cardToken: `tok-${n}`,
    offline: true,
    settledAt: '',
    ...more,
  });
}

export function openShift(terminalId: string, id: string): Doc {
  const shift: ShiftDoc = {
    id,
    terminalId,
    openedBy: 'U1',
    openedAt: AT,
    openingFloat: 10_000,
    openingCount: [{ value: 5_000, count: 2 }],
    movements: [],
    closedBy: '',
    closedAt: '',
    closingCount: [],
    countedCash: 0,
    expectedCash: 0,
    variance: 0,
    varianceApprovedBy: '',
    zNumber: 0,
    status: 'open',
  };
  return couch(shift);
}

/** What closing a shift of `openShift` writes into it. */
export const CLOSING = {
  closedBy: 'U1',
  closedAt: AT,
  closingCount: [{ value: 5_000, count: 3 }],
  countedCash: 15_000,
  expectedCash: 15_000,
  variance: 0,
  zNumber: 1,
  status: 'closed',
};

export function paidIn(shiftId: string, n: number): Record<string, unknown> {
  return { id: `${shiftId}-M${n}`, kind: 'paid_in', amount: 500, reason: 'Change from the bank', at: AT, by: 'U1' };
}

export function terminalStatus(terminalId: string): Doc {
  const status: TerminalStatusDoc = {
    id: terminalId, terminalId, updatedAt: AT, startedAt: AT, syncState: 'online', lastSyncedAt: '', pendingTotal: 0, pendingCapped: false,
    rejected: 0, openShiftId: '', openShiftBy: '', openShiftAt: '', lastSaleNumber: '', lastSaleAt: '',
  };
  return couch(status);
}

const newHash = () => randomBytes(16).toString('hex');
const hashOf = (rev: string) => rev.slice(rev.indexOf('-') + 1);

/** The document under a revision the server has never seen, with no history (`new_edits=false`). */
export function unrelatedRevision(doc: Doc, position = 1): Doc {
  return { ...doc, _rev: `${position}-${newHash()}` };
}

/** The document as a branch of `depth` new revisions grown from `parentRev`, with the history a replicator sends. */
export function branchFrom(doc: Doc, parentRev: string, depth = 1): Doc {
  const ids = Array.from({ length: depth }, newHash);
  const start = Number(parentRev.split('-')[0]) + depth;
  return { ...doc, _rev: `${start}-${ids[0]}`, _revisions: { start, ids: [...ids, hashOf(parentRev)] } };
}
