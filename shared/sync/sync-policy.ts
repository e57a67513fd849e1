/**
 * How each replicated collection may change once written. The till's conflict rule and the server's
 * validate_doc_update functions are both derived from this one table, so they cannot disagree.
 *
 * - `immutable`: written once by the terminal named in `terminalId`, never changed (sales and returns, stock
 *   movements, audit events). Ids are made on the terminal, so a retried upload can only meet itself.
 * - `owned`: created and later changed only by the terminal named in `terminalId` (a payment's status, a shift's
 *   close). Some fields never change after creation (`frozen`), some only once from empty (`setOnce`), lists only
 *   grow (`appendOnly`), and some states end the document's life (`finalWhen`).
 * - `shared`: edited at any manager till (catalog, users, settings). Concurrent edits are resolved by the edit
 *   counter rule in conflict-rule.ts; only manager terminals may write them.
 */
import { PAYMENT_STATUSES } from '../model';
import { FIRST_UPLOAD_STATUSES, isFinal, PAYMENT_REACHABLE } from '../payments/payment-states';
import type { ReplicatedCollection } from './sync-names';

/**
 * A document's life in one field: which values its first upload may show (per the value of `kindField`), and which
 * values each one may be followed by in a later upload (a value not listed is final).
 */
export interface Lifecycle {
  field: string;
  kindField: string;
  initial: Readonly<Record<string, readonly string[]>>;
  transitions: Readonly<Record<string, readonly string[]>>;
}

/**
 * How a document's id names the terminal that wrote it: `prefix`, `<terminalId>-…` (its id factory's ids, or ids
 * made from one of its own documents' ids); `exact`, the terminal id itself. Some ids another till can predict (a
 * sale's `-P1` payment and `-S1` movements, a shift's `-Z` event, a terminal's status document): taken first by a
 * hostile terminal, they would get the owner's own upload refused for good. `when` limits the rule to documents
 * with that value in that field.
 */
export interface IdRule {
  form: 'prefix' | 'exact';
  when?: { field: string; value: string };
}

export type SyncPolicy =
  | { kind: 'immutable'; id: IdRule }
  | {
      kind: 'owned';
      id: IdRule;
      frozen: readonly string[];
      setOnce?: readonly string[];
      appendOnly?: readonly string[];
      finalWhen?: { field: string; values: readonly string[] };
      lifecycle?: Lifecycle;
    }
  | { kind: 'shared' };

export const SYNC_POLICIES: Record<ReplicatedCollection, SyncPolicy> = {
  sales: { kind: 'immutable', id: { form: 'prefix' } },
  stock_movements: { kind: 'immutable', id: { form: 'prefix' } },
  audit_events: { kind: 'immutable', id: { form: 'prefix' } },
  payments: {
    kind: 'owned',
    // A tender's id is its sale's (`<saleId>-P1`), and its sale is the writer's own. Collections and write-offs of
    // another till's payment carry that till's sale id, with a random tail no one can predict.
    id: { form: 'prefix', when: { field: 'kind', value: 'tender' } },
    // What the payment is never changes: its sale, its money, its card, who took it, what it resolves.
    frozen: [
      'saleId', 'terminalId', 'kind', 'method', 'amount', 'currency', 'createdAt', 'idempotencyKey', 'cardBrand', 'cardLast4', 'cardToken',
      'offline', 'originalReference', 'contact', 'clerkId', 'resolves',
    ],
    // The processor's reference arrives once, with the approval; refunds and look-ups go by it.
    setOnce: ['reference'],
    // Settled (captured, declined, expired, handed over, written off): nothing changes any more, not even the
    // reason or the time it settled. Until then only status, reason, attempts and the times move.
    finalWhen: { field: 'status', values: PAYMENT_STATUSES.filter(isFinal) },
    lifecycle: { field: 'status', kindField: 'kind', initial: FIRST_UPLOAD_STATUSES, transitions: PAYMENT_REACHABLE as Record<string, readonly string[]> },
  },
  shifts: {
    kind: 'owned',
    id: { form: 'prefix' },
    // The opening is counted once; cash movements are added in order and never taken back or changed (the drawer's
    // expected cash is summed from them); the close is written once, with the Z report, and ends the shift. A shift
    // first uploaded already closed is a close like any other.
    frozen: ['terminalId', 'openedBy', 'openedAt', 'openingFloat', 'openingCount'],
    appendOnly: ['movements'],
    finalWhen: { field: 'status', values: ['closed'] },
  },
  // One document per terminal (its id), rewritten by that terminal only; everything but whose it is is live status.
  terminal_status: { kind: 'owned', id: { form: 'exact' }, frozen: ['terminalId'] },
  products: { kind: 'shared' },
  categories: { kind: 'shared' },
  users: { kind: 'shared' },
  settings: { kind: 'shared' },
};

/** Collections whose documents carry the `edits` counter. */
export const SHARED_COLLECTIONS = (Object.keys(SYNC_POLICIES) as ReplicatedCollection[]).filter(
  (name) => SYNC_POLICIES[name].kind === 'shared',
);
