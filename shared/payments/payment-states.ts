/**
 * Which changes a payment may go through: the till's payment ledger checks every change against this, and the
 * sync server's validation is generated from the same table (shared/sync/sync-policy.ts), so they cannot disagree.
 *
 *   queued ──► submitting ──► captured | declined
 *     │            │  ▲
 *     │            ▼  │
 *     │         unknown ──► captured | declined      (a look-up with the same key settles it)
 *     │            (submitting ──► queued: the processor could not be reached, back in line)
 *     ├──► expired        (not forwarded within 24 h)
 *     └──► handed_over    (another terminal forwards it with the same key)
 *
 * A payment is created `captured` (cash, a card approved online, a collection), `queued` (a card accepted offline,
 * a handover), `unknown` (a card accepted offline after a request whose outcome is unknown) or `written_off`. Final
 * states never change.
 */
import type { PaymentDoc, PaymentKind, PaymentStatus } from '../model';

export const INITIAL_STATUSES: Readonly<Record<PaymentKind, readonly PaymentStatus[]>> = {
  tender: ['captured', 'queued', 'unknown'],
  collection: ['captured'],
  write_off: ['written_off'],
  handover: ['queued', 'unknown'],
};

export const PAYMENT_TRANSITIONS: Readonly<Partial<Record<PaymentStatus, readonly PaymentStatus[]>>> = {
  queued: ['submitting', 'expired', 'handed_over'],
  submitting: ['captured', 'declined', 'unknown', 'queued'],
  unknown: ['submitting', 'captured', 'declined', 'handed_over'],
};

/** Statuses whose card payment still waits for the processor (what the offline cap counts). */
export const WAITING_STATUSES: readonly PaymentStatus[] = ['queued', 'submitting', 'unknown'];
/** Statuses a manager has to act on (the worklist), unless a collection or write-off resolves them. */
export const ATTENTION_STATUSES: readonly PaymentStatus[] = ['declined', 'expired'];

/** A card payment not forwarded within this long after it was taken expires (card networks' offline rule). */
export const OFFLINE_FORWARD_LIMIT_MS = 24 * 60 * 60_000;

export function mayStartAs(kind: PaymentKind, status: PaymentStatus): boolean {
  return INITIAL_STATUSES[kind].includes(status);
}

/** A status may be kept while it waits (a new reason, another attempt); a final one never changes, not even to itself. */
export function mayChange(from: PaymentStatus, to: PaymentStatus): boolean {
  return (from === to && !isFinal(from)) || (PAYMENT_TRANSITIONS[from] ?? []).includes(to);
}

/**
 * Every status reachable from each one along legal changes. The sync server checks this, not single steps: a till
 * may move a payment through several states (queued → submitting → declined) between two uploads, and uploads
 * only the latest.
 */
export const PAYMENT_REACHABLE: Readonly<Partial<Record<PaymentStatus, readonly PaymentStatus[]>>> = Object.fromEntries(
  (Object.keys(PAYMENT_TRANSITIONS) as PaymentStatus[]).map((from) => {
    const seen = new Set<PaymentStatus>();
    const walk = (status: PaymentStatus) => {
      for (const next of PAYMENT_TRANSITIONS[status] ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          walk(next);
        }
      }
    };
    walk(from);
    return [from, [...seen]];
  }),
);

/**
 * What a payment's first upload to the sync server may show, per kind: a status it may start with, or any status
 * reachable from one. A till moves payments on while it cannot reach the server (queued → submitting → declined)
 * and uploads only the latest, so the server judges a first upload by where it could have got to; the till's own
 * ledger still creates payments only in INITIAL_STATUSES (`mayStartAs`).
 */
export const FIRST_UPLOAD_STATUSES: Readonly<Record<PaymentKind, readonly PaymentStatus[]>> = {
  tender: reachableFrom(INITIAL_STATUSES.tender),
  collection: reachableFrom(INITIAL_STATUSES.collection),
  write_off: reachableFrom(INITIAL_STATUSES.write_off),
  handover: reachableFrom(INITIAL_STATUSES.handover),
};

function reachableFrom(starts: readonly PaymentStatus[]): readonly PaymentStatus[] {
  return [...new Set([...starts, ...starts.flatMap((status) => PAYMENT_REACHABLE[status] ?? [])])];
}

export function isFinal(status: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[status] === undefined;
}

/** Whether a payment has waited too long to be forwarded (only one never sent can expire: a sent one may have been charged). */
export function hasExpired(payment: Pick<PaymentDoc, 'status' | 'createdAt'>, now: number): boolean {
  return payment.status === 'queued' && now - Date.parse(payment.createdAt) > OFFLINE_FORWARD_LIMIT_MS;
}
