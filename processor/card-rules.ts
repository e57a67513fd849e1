/**
 * What the stand-in card network decides about a payment it has not seen before: the test cards of
 * shared/payments/processor-api.ts (TEST_CARDS), the ".13" amount rule, and the offline forwarding window.
 * Pure: the ledger (payment-book.ts) records whatever this says.
 */
import { TEST_CARDS, type DeclineCode, type PaymentRequest, type TestCardName } from '../shared/payments/processor-api';

/** Card networks refuse offline (store-and-forward) payments forwarded later than this after the card was taken. */
export const OFFLINE_FORWARD_WINDOW_MS = 24 * 60 * 60_000;

export type CardDecision =
  | { outcome: 'approve' }
  /** Approve and record the charge, then lose the answer (HTTP 500): the till must look the payment up. */
  | { outcome: 'approveThenFail' }
  | { outcome: 'decline'; code: DeclineCode; reason: string }
  /** Charge nothing and answer nothing: the till's own timeout decides. */
  | { outcome: 'hold' };

const cardByToken = new Map<string, TestCardName>(Object.entries(TEST_CARDS).map(([name, card]) => [card.token, name as TestCardName]));

export function decidePayment(request: PaymentRequest, arrivedAt: number): CardDecision {
  const card = cardByToken.get(request.card.token);
  if (card === 'timeout') return { outcome: 'hold' };
  if (request.offline && arrivedAt - Date.parse(request.takenAt) > OFFLINE_FORWARD_WINDOW_MS) {
    return { outcome: 'decline', code: 'offline_not_allowed', reason: 'Offline payment forwarded after 24 h: the card network no longer accepts it' };
  }
  switch (card) {
    case undefined:
      return { outcome: 'decline', code: 'card_declined', reason: 'Unknown card: the processor has no card for this token' };
    case 'decline':
      return { outcome: 'decline', code: 'card_declined', reason: 'Declined by the card issuer' };
    case 'insufficientFunds':
      return { outcome: 'decline', code: 'insufficient_funds', reason: 'Insufficient funds on the card' };
    case 'approve':
    case 'failAfterCharge':
      // Lets demos show a decline with the default card.
      if (request.amount % 100 === 13) return { outcome: 'decline', code: 'card_declined', reason: 'Declined by the test processor: amounts whose minor units end in 13 are always declined' };
      return card === 'approve' ? { outcome: 'approve' } : { outcome: 'approveThenFail' };
  }
}
