/**
 * Words for card payments: the status bar's queue line, what the checkout says about a card while the processor
 * cannot be reached, a payment's state on a receipt and a sale's settlement. Pure, so it is tested without a DOM.
 */
import type { PaymentsStatus } from '../../../shared/api/commands/payments-commands';
import type { ReceiptPaymentView } from '../../../shared/api/commands/selling-commands';
import type { PaymentStatus } from '../../../shared/model';
import type { SettlementState } from '../../../shared/payments/settlement';
import { money } from '../sell/display-format';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export type QueueTone = 'busy' | 'warn';

/**
 * The status bar's line about this till's card queue, or null when there is nothing to say (nothing waits and the
 * processor is reachable, or has not been asked yet).
 */
export function queueSummary(status: PaymentsStatus): { tone: QueueTone; text: string } | null {
  const { count, amount } = status.waiting;
  const offline = status.processor === 'unreachable';
  const cards = plural(count, 'card', 'cards');
  const total = money(amount, status.currency);
  if (count > 0 && status.forwarding && !offline) return { tone: 'busy', text: `Forwarding ${cards} · ${total}…` };
  const waiting = count > 0 ? `${cards} waiting · ${total}` : '';
  if (offline) return { tone: 'warn', text: ['Card processor offline', waiting].filter(Boolean).join(' · ') };
  if (count > 0) return { tone: 'busy', text: waiting };
  return null;
}

/** The managers' link to the worklist: "2 payments to resolve". */
export function attentionText(attention: number): string {
  return `${plural(attention, 'payment', 'payments')} to resolve`;
}

export type CardOutlook = { kind: 'offline'; text: string } | { kind: 'refused'; text: string };

/**
 * What happens to cards of these amounts now, as the last status saw it: null when the processor decides (it is
 * reachable, or nobody knows yet); 'offline' when they will be approved offline within the caps; 'refused' when the
 * till will not take them. The core decides for real (CARD_UNAVAILABLE); this tells the clerk beforehand.
 */
export function cardOutlook(status: PaymentsStatus | null, amounts: readonly number[]): CardOutlook | null {
  if (!status) return null;
  const m = (minor: number) => money(minor, status.currency);
  if (status.processor === 'not_configured') {
    return { kind: 'refused', text: 'No card processor is set up on this till: cards cannot be taken. Take cash.' };
  }
  if (status.processor !== 'unreachable') return null;
  const policy = status.offlineCards;
  const unreachable = 'The card processor cannot be reached';
  if (!policy.enabled) {
    return { kind: 'refused', text: `${unreachable} and this store does not take cards offline: take cash, or ask a manager.` };
  }
  const largest = Math.max(0, ...amounts);
  if (largest > policy.perPaymentCap) {
    return { kind: 'refused', text: `${unreachable} and ${m(largest)} is over the offline limit of ${m(policy.perPaymentCap)} per card: take cash or split the payment.` };
  }
  const total = amounts.reduce((sum, a) => sum + a, 0);
  if (total > status.offlineRoom) {
    return { kind: 'refused', text: `${unreachable} and this till may take only ${m(status.offlineRoom)} more in offline cards: take cash or split the payment.` };
  }
  return {
    kind: 'offline',
    text: `${unreachable}: the card will be approved offline and charged when it is back. Offline limits: ${m(policy.perPaymentCap)} per card, ${m(status.offlineRoom)} left on this till.`,
  };
}

const STATUS_TEXT: Record<PaymentStatus, string> = {
  captured: 'Captured',
  queued: 'Queued for the card processor',
  submitting: 'Being sent to the card processor',
  unknown: 'Awaiting confirmation',
  declined: 'Declined',
  expired: 'Expired (not sent within 24 hours)',
  handed_over: 'Forwarded by another till',
  written_off: 'Written off',
  refunded: 'Refunded',
};

export function paymentStatusText(status: PaymentStatus): string {
  return STATUS_TEXT[status];
}

const METHOD_TEXT: Record<ReceiptPaymentView['method'], string> = { cash: 'Cash', card: 'Card', none: 'Written off' };

/** A receipt's tender line names the method only ("Card", "Cash"): the card and its state go on the line under it. */
export function methodLabel(payment: ReceiptPaymentView): string {
  return METHOD_TEXT[payment.method];
}

/**
 * The line under a tender when there is more to say than its amount: "Visa •••• 4242", "Visa •••• 4242 · Approved
 * offline · Queued for the card processor", "Declined"; null for plain cash.
 */
export function paymentNote(payment: ReceiptPaymentView): string | null {
  const settledPlainly = payment.status === 'captured' || payment.status === 'refunded' || (payment.method === 'none' && payment.status === 'written_off');
  const state = payment.offline || !settledPlainly ? paymentStatusText(payment.status) : null;
  const parts = [payment.card, payment.offline ? 'Approved offline' : null, state].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

const SETTLEMENT_TEXT: Record<SettlementState, string> = {
  settled: 'Settled',
  waiting: 'Awaiting card',
  attention: 'Needs attention',
};

export function settlementText(state: SettlementState): string {
  return SETTLEMENT_TEXT[state];
}
