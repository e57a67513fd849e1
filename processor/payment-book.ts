/**
 * The one place the processor's money moves: payments, refunds and voids, each decided and recorded in one ledger
 * transaction, keyed by the till's idempotency key. The same key with the same request gets the stored answer (the
 * same bytes), never a second charge; the same key with a different request is a conflict. What the HTTP side
 * sends is what this returns, and it only returns after the row is committed.
 */
import { randomBytes } from 'node:crypto';
import type { PaymentRequest, ProcessorAnswer, ProcessorErrorCode, RefundRequest, VoidRequest } from '../shared/payments/processor-api';
import { decidePayment } from './card-rules';
import type { Ledger, LedgerEntry, NewLedgerEntry } from './ledger';

export type BookResult =
  /** An answer about money (approved or declined): HTTP 200, the body is the stored answer's text. */
  | { type: 'answer'; body: string; entry: LedgerEntry; repeated: boolean }
  | { type: 'error'; status: number; code: ProcessorErrorCode; message: string; entry?: LedgerEntry }
  /** Answer nothing (the timeout test card); nothing was recorded. */
  | { type: 'hold' };

/** ISO 4217's code for "no currency": what a void of a payment that never arrived released. */
export const NO_CURRENCY = 'XXX';

/** A ledger row before its answer is known. */
type EntryRequest = Omit<NewLedgerEntry, 'answerText'>;

const newReference = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;

export interface PaymentBook {
  pay(request: PaymentRequest, now: number): BookResult;
  refund(request: RefundRequest, now: number): BookResult;
  cancel(request: VoidRequest, now: number): BookResult;
  lookup(idempotencyKey: string): BookResult;
}

export function createPaymentBook(ledger: Ledger): PaymentBook {
  const answered = (entry: LedgerEntry, repeated: boolean): BookResult => ({ type: 'answer', body: entry.answerText, entry, repeated });

  /** The stored answer when `request` repeats what `entry` recorded; a conflict naming what differs otherwise. */
  const repeat = (entry: LedgerEntry, kind: LedgerEntry['kind'], fields: Partial<Record<keyof LedgerEntry, unknown>>): BookResult => {
    const differs = entry.kind !== kind ? ['kind'] : Object.entries(fields).filter(([name, value]) => JSON.stringify(entry[name as keyof LedgerEntry]) !== JSON.stringify(value)).map(([name]) => name);
    if (differs.length === 0) return answered(entry, true);
    return {
      type: 'error',
      status: 409,
      code: 'idempotency_conflict',
      message: `Idempotency key ${entry.idempotencyKey} was used before for a ${entry.kind} (${summary(entry)}); this ${kind} differs in ${differs.join(', ')}. Use a new key for a new request.`,
    };
  };

  const record = (entry: EntryRequest, answer: ProcessorAnswer): LedgerEntry => ledger.record({ ...entry, answerText: JSON.stringify(answer) });

  return {
    pay: (request, now) =>
      ledger.transaction((): BookResult => {
        // Offline flag and takenAt are left out on purpose: a payment tried online, then queued and forwarded
        // offline under the same key is the same payment. So is the terminal: a till that takes over the queue of a
        // till that is gone forwards its payments under their keys, and whichever arrives second gets the answer.
        const card = { token: request.card.token, brand: request.card.brand, last4: request.card.last4 };
        const existing = ledger.byKey(request.idempotencyKey);
        if (existing) return repeat(existing, 'payment', { amount: request.amount, currency: request.currency, card });
        const at = new Date(now).toISOString();
        const entry: EntryRequest = {
          idempotencyKey: request.idempotencyKey,
          kind: 'payment',
          terminalId: request.terminalId,
          amount: request.amount,
          currency: request.currency,
          card,
          offline: request.offline,
          takenAt: request.takenAt,
          paymentReference: null,
          paymentIdempotencyKey: null,
          receivedAt: at,
        };
        const base = { kind: 'payment' as const, idempotencyKey: request.idempotencyKey, at };
        // A till that gave up on this payment voided it first: it must never be charged later.
        const voided = ledger.voidOf(request.idempotencyKey);
        if (voided) {
          const reason = `Cancelled by the till before it arrived (void ${voided.idempotencyKey}); nothing was charged`;
          return answered(record(entry, { ...base, status: 'declined', code: 'card_declined', reason }), false);
        }
        const decision = decidePayment(request, now);
        if (decision.outcome === 'hold') return { type: 'hold' };
        if (decision.outcome === 'decline') return answered(record(entry, { ...base, status: 'declined', code: decision.code, reason: decision.reason }), false);
        const charged = record(entry, { ...base, status: 'approved', reference: newReference('pay'), amount: request.amount, currency: request.currency });
        if (decision.outcome === 'approve') return answered(charged, false);
        return { type: 'error', status: 500, code: 'internal', message: 'The processor failed after charging the card (test card): look the payment up by its idempotency key', entry: charged };
      }),

    refund: (request, now) =>
      ledger.transaction((): BookResult => {
        const existing = ledger.byKey(request.idempotencyKey);
        if (existing) return repeat(existing, 'refund', { amount: request.amount, currency: request.currency, paymentReference: request.paymentReference });
        const payment = ledger.approvedPayment(request.paymentReference);
        if (!payment) return { type: 'error', status: 404, code: 'unknown_payment', message: `No approved payment has the reference ${request.paymentReference}` };
        if (payment.currency !== request.currency) {
          return { type: 'error', status: 400, code: 'bad_request', message: `The refund is in ${request.currency} but payment ${request.paymentReference} was in ${payment.currency}` };
        }
        const at = new Date(now).toISOString();
        const entry: EntryRequest = {
          idempotencyKey: request.idempotencyKey,
          kind: 'refund',
          terminalId: request.terminalId,
          amount: request.amount,
          currency: request.currency,
          card: null,
          offline: null,
          takenAt: null,
          paymentReference: request.paymentReference,
          paymentIdempotencyKey: null,
          receivedAt: at,
        };
        const base = { kind: 'refund' as const, idempotencyKey: request.idempotencyKey, at };
        if (ledger.voidOf(payment.idempotencyKey)) {
          return answered(record(entry, { ...base, status: 'declined', code: 'card_declined', reason: `Payment ${request.paymentReference} was voided: nothing of it is left to refund` }), false);
        }
        const refunded = ledger.refundedTotal(request.paymentReference);
        const captured = payment.amount ?? 0;
        if (refunded + request.amount > captured) {
          const reason = `Refund of ${request.amount} would bring refunds of payment ${request.paymentReference} to ${refunded + request.amount}, above the ${captured} captured (${captured - refunded} left to refund; amounts in minor units of ${payment.currency})`;
          return answered(record(entry, { ...base, status: 'declined', code: 'card_declined', reason }), false);
        }
        return answered(record(entry, { ...base, status: 'approved', reference: newReference('re'), amount: request.amount, currency: request.currency }), false);
      }),

    cancel: (request, now) =>
      ledger.transaction((): BookResult => {
        const existing = ledger.byKey(request.idempotencyKey);
        if (existing) return repeat(existing, 'void', { terminalId: request.terminalId, paymentIdempotencyKey: request.paymentIdempotencyKey });
        const payment = ledger.byKey(request.paymentIdempotencyKey);
        if (payment && payment.kind !== 'payment') {
          return { type: 'error', status: 400, code: 'bad_request', message: `${request.paymentIdempotencyKey} is the key of a ${payment.kind}, not of a payment` };
        }
        // Nothing charged stays charged: a captured payment releases what refunds have not already returned; a
        // declined payment, one voided before, or one that never arrived releases nothing (and the last is
        // declined if it arrives later, because this row names its key).
        const released =
          payment && payment.answer.status === 'approved' && !ledger.voidOf(payment.idempotencyKey) ? (payment.amount ?? 0) - ledger.refundedTotal(payment.answer.reference) : 0;
        const at = new Date(now).toISOString();
        const entry: EntryRequest = {
          idempotencyKey: request.idempotencyKey,
          kind: 'void',
          terminalId: request.terminalId,
          amount: null,
          currency: null,
          card: null,
          offline: null,
          takenAt: null,
          paymentReference: null,
          paymentIdempotencyKey: request.paymentIdempotencyKey,
          receivedAt: at,
        };
        const answer: ProcessorAnswer = {
          kind: 'void',
          status: 'approved',
          idempotencyKey: request.idempotencyKey,
          reference: newReference('vo'),
          amount: released,
          currency: payment?.currency ?? NO_CURRENCY,
          at,
        };
        return answered(record(entry, answer), false);
      }),

    lookup: (idempotencyKey) => {
      const entry = ledger.byKey(idempotencyKey);
      return entry ? answered(entry, true) : { type: 'error', status: 404, code: 'not_found', message: `The processor has no answer for idempotency key ${idempotencyKey}` };
    },
  };
}

function summary(entry: LedgerEntry): string {
  if (entry.kind === 'void') return `of payment ${entry.paymentIdempotencyKey} from ${entry.terminalId}`;
  const card = entry.card ? ` on ${entry.card.brand} …${entry.card.last4}` : '';
  const of = entry.paymentReference ? ` of payment ${entry.paymentReference}` : '';
  return `${entry.amount} ${entry.currency}${card}${of} from ${entry.terminalId}`;
}
