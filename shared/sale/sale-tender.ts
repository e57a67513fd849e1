/** A sale document's tenders as checkout and returns write them: cash, or a card as the reader and processor left it. */
import type { SaleTender } from '../model';
import type { CardToken } from '../payments/processor-api';

export function cashTender(amount: number, tendered = amount): SaleTender {
  return {
    method: 'cash',
    amount,
    tendered,
    reference: '',
    idempotencyKey: '',
    cardBrand: '',
    cardLast4: '',
    cardToken: '',
    forwarding: '',
    originalReference: '',
    contact: '',
  };
}

export interface CardOutcome {
  /** The key the processor knows the payment by. */
  idempotencyKey: string;
  /** The processor's reference; '' while it is not forwarded yet. */
  reference: string;
  forwarding: SaleTender['forwarding'];
  /** A card refund: the reference of the payment it pays back to. */
  originalReference?: string;
  contact?: string;
}

export function cardTender(amount: number, card: CardToken, outcome: CardOutcome): SaleTender {
  return {
    method: 'card',
    amount,
    tendered: amount,
    reference: outcome.reference,
    idempotencyKey: outcome.idempotencyKey,
    cardBrand: card.brand,
    cardLast4: card.last4,
    cardToken: card.token,
    forwarding: outcome.forwarding,
    originalReference: outcome.originalReference ?? '',
    contact: outcome.contact ?? '',
  };
}
