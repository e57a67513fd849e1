/**
 * Whether a sale's money is all in: from its payment documents, whatever terminal wrote them. A card payment is
 * counted once per idempotency key (a handover forwards the same payment as the tender it takes over), and a
 * declined or expired one counts as settled only once a collection or a write-off resolves it.
 */
import type { PaymentDoc, SaleDoc } from '../model';
import { ATTENTION_STATUSES, WAITING_STATUSES } from './payment-states';

export type SettlementState = 'settled' | 'waiting' | 'attention';

export interface SaleSettlement {
  state: SettlementState;
  /** Signed like the sale (negative for a return): money taken or paid back for good. */
  paid: number;
  /** Card payments still waiting for the processor. */
  waiting: number;
  /** Declined or expired card payments nobody has resolved yet. */
  unresolved: number;
  /** Given up by a manager. */
  writtenOff: number;
}

/**
 * The payments that stand for the sale's money: one per card key (the most advanced of a tender and the handover
 * forwarding it), every cash payment, collection and write-off. What a receipt lists.
 */
export function distinctPayments(payments: readonly PaymentDoc[]): PaymentDoc[] {
  const rank = (p: PaymentDoc) => (p.status === 'captured' ? 3 : ATTENTION_STATUSES.includes(p.status) ? 2 : p.status === 'handed_over' ? 0 : 1);
  const keyed = (p: PaymentDoc) => p.kind !== 'write_off' && p.kind !== 'collection' && p.idempotencyKey !== '';
  const best = new Map<string, PaymentDoc>();
  for (const p of payments) {
    if (!keyed(p)) continue;
    const known = best.get(p.idempotencyKey);
    if (!known || rank(p) > rank(known)) best.set(p.idempotencyKey, p);
  }
  // In the order they came, each key once, where it first appeared.
  const seen = new Set<string>();
  return payments.flatMap((p) => {
    if (!keyed(p)) return [p];
    if (seen.has(p.idempotencyKey)) return [];
    seen.add(p.idempotencyKey);
    return [best.get(p.idempotencyKey)!];
  });
}

/** Keys of card payments a collection or a write-off has resolved. */
function resolvedKeys(payments: readonly PaymentDoc[]): Set<string> {
  return new Set(payments.filter((p) => (p.kind === 'collection' && p.status === 'captured') || p.kind === 'write_off').map((p) => p.resolves));
}

export function settlementOf(sale: Pick<SaleDoc, 'id'>, payments: readonly PaymentDoc[]): SaleSettlement {
  const own = distinctPayments(payments.filter((p) => p.saleId === sale.id));
  const resolved = resolvedKeys(own);
  let paid = 0;
  let waiting = 0;
  let unresolved = 0;
  let writtenOff = 0;
  for (const p of own) {
    if (p.status === 'captured' || p.status === 'refunded') paid += p.amount;
    else if (p.status === 'written_off') writtenOff += p.amount;
    else if (WAITING_STATUSES.includes(p.status) || p.status === 'handed_over') waiting += p.amount;
    else if (ATTENTION_STATUSES.includes(p.status) && !resolved.has(p.idempotencyKey)) unresolved += p.amount;
  }
  const state: SettlementState = unresolved !== 0 ? 'attention' : waiting !== 0 ? 'waiting' : 'settled';
  return { state, paid, waiting, unresolved, writtenOff };
}

/** The card payments a manager must act on: declined or expired, not resolved, counted once per key. */
export function needingAttention(payments: readonly PaymentDoc[]): PaymentDoc[] {
  const resolved = resolvedKeys(payments);
  return distinctPayments(payments).filter((p) => ATTENTION_STATUSES.includes(p.status) && !resolved.has(p.idempotencyKey));
}
