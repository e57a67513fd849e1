/**
 * How each replicated collection may change once written. The till's conflict rule and the server's
 * validate_doc_update functions are both derived from this one table, so they cannot disagree.
 *
 * - `immutable`: written once by the terminal named in `terminalId`, never changed (sales and returns, stock
 *   movements, audit events). Ids are made on the terminal, so a retried upload can only meet itself.
 * - `owned`: created and later changed only by the terminal named in `terminalId` (a payment's status, a shift's
 *   close). Some fields never change after creation (`frozen`).
 * - `shared`: edited at any manager till (catalog, users, settings). Concurrent edits are resolved by the edit
 *   counter rule in conflict-rule.ts; only manager terminals may write them.
 */
import { INITIAL_STATUSES, PAYMENT_REACHABLE } from '../payments/payment-states';
import type { ReplicatedCollection } from './sync-names';

/**
 * A document's life in one field: which values a new document may start with (per the value of `kindField`), and
 * which values each one may be followed by in a later upload (a value not listed is final).
 */
export interface Lifecycle {
  field: string;
  kindField: string;
  initial: Readonly<Record<string, readonly string[]>>;
  transitions: Readonly<Record<string, readonly string[]>>;
}

export type SyncPolicy =
  | { kind: 'immutable' }
  | { kind: 'owned'; frozen: readonly string[]; finalWhen?: { field: string; value: string }; lifecycle?: Lifecycle }
  | { kind: 'shared' };

export const SYNC_POLICIES: Record<ReplicatedCollection, SyncPolicy> = {
  sales: { kind: 'immutable' },
  stock_movements: { kind: 'immutable' },
  audit_events: { kind: 'immutable' },
  payments: {
    kind: 'owned',
    // Never in amount, and never what the payment is: only its status (and what the processor said) moves on.
    frozen: [
      'saleId', 'terminalId', 'kind', 'method', 'amount', 'currency', 'createdAt', 'idempotencyKey', 'cardBrand', 'cardLast4', 'cardToken',
      'offline', 'originalReference', 'contact', 'clerkId', 'resolves',
    ],
    lifecycle: { field: 'status', kindField: 'kind', initial: INITIAL_STATUSES, transitions: PAYMENT_REACHABLE as Record<string, readonly string[]> },
  },
  shifts: {
    kind: 'owned',
    frozen: ['terminalId', 'openedBy', 'openedAt', 'openingFloat', 'openingCount'],
    finalWhen: { field: 'status', value: 'closed' },
  },
  // One document per terminal (its id), rewritten by that terminal only.
  terminal_status: { kind: 'owned', frozen: ['terminalId'] },
  products: { kind: 'shared' },
  categories: { kind: 'shared' },
  users: { kind: 'shared' },
  settings: { kind: 'shared' },
};

/** Collections whose documents carry the `edits` counter. */
export const SHARED_COLLECTIONS = (Object.keys(SYNC_POLICIES) as ReplicatedCollection[]).filter(
  (name) => SYNC_POLICIES[name].kind === 'shared',
);
