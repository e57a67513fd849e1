/**
 * The card processor's HTTP API, as the till calls it (electron/core/payments/) and as the stand-in for a card
 * network serves it (processor/). Shaped like real gateways: every request that moves money carries an
 * idempotency key, and the same key always gets the same answer and never a second charge. Amounts are integer
 * minor units. Every request and every reply is signed (shared/payments/signature.ts).
 *
 * Card data: the till never sees or stores a card number. The card reader hands it a token, the brand and the last
 * four digits (`CardToken`); the processor knows which card a token stands for.
 */

export const PROCESSOR_PATHS = {
  /** POST PaymentRequest → ProcessorAnswer (authorize and capture in one step). */
  payments: '/v1/payments',
  /** GET ?idempotencyKey=… → ProcessorAnswer, or 404 { error: { code: 'not_found' } } when the key was never processed. */
  lookup: '/v1/payments/lookup',
  /** POST RefundRequest → ProcessorAnswer (kind 'refund'). */
  refunds: '/v1/refunds',
  /** POST VoidRequest → ProcessorAnswer (kind 'void'): cancels whatever the key's payment did; nothing charged stays charged. */
  voids: '/v1/voids',
  /** GET → { ok: true } (signed like everything else): reachability. */
  health: '/v1/health',
} as const;

export interface CardToken {
  /** Opaque: stands for the card at the processor. */
  token: string;
  brand: string;
  last4: string;
}

export interface PaymentRequest {
  idempotencyKey: string;
  terminalId: string;
  amount: number;
  currency: string;
  card: CardToken;
  /** true: the card was accepted offline and this is its forwarding (store-and-forward); the processor may apply offline rules. */
  offline: boolean;
  /** When the card was presented (ISO time); for an offline payment, when it was taken. */
  takenAt: string;
}

export interface RefundRequest {
  idempotencyKey: string;
  terminalId: string;
  /** The processor's reference of the payment being refunded. */
  paymentReference: string;
  amount: number;
  currency: string;
}

export interface VoidRequest {
  idempotencyKey: string;
  terminalId: string;
  /** The idempotency key of the payment to cancel, whether or not that payment was ever processed. */
  paymentIdempotencyKey: string;
}

export type AnswerKind = 'payment' | 'refund' | 'void';

export type DeclineCode = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'offline_not_allowed';

/** What the processor says about one idempotency key. The same key always gets this same answer. */
export type ProcessorAnswer =
  | { kind: AnswerKind; status: 'approved'; idempotencyKey: string; reference: string; amount: number; currency: string; at: string }
  | { kind: AnswerKind; status: 'declined'; idempotencyKey: string; code: DeclineCode; reason: string; at: string };

/** Errors are `{ error: { code, message } }` with a 4xx/5xx status; none of them is an answer about money. */
export type ProcessorErrorCode =
  | 'bad_request'
  /** Signature missing, unknown key id, or altered message. */
  | 'bad_signature'
  /** Timestamp outside the accepted window. */
  | 'stale'
  /** A nonce already seen: the request was replayed. */
  | 'replayed'
  /** The key was used before with a different amount, currency, card or terminal. */
  | 'idempotency_conflict'
  /** Refund or void of a payment the processor does not know. */
  | 'unknown_payment'
  | 'not_found'
  /** A test card that fails after charging: the charge stands, the answer is lost. */
  | 'internal';

export interface ProcessorError {
  error: { code: ProcessorErrorCode; message: string };
}

/**
 * Test cards of the stand-in processor (documented in the README). A real reader hands the till tokens of real
 * cards; the simulated reader offers these. Any approving card is also declined for an amount whose minor units
 * end in 13 (e.g. 10.13), so demos can show a decline with the default card.
 */
export const TEST_CARDS = {
  approve: { token: 'tok_test_visa_approve', brand: 'Visa', last4: '4242' },
  decline: { token: 'tok_test_visa_decline', brand: 'Visa', last4: '0002' },
  insufficientFunds: { token: 'tok_test_mc_insufficient', brand: 'Mastercard', last4: '9995' },
  /** The processor holds the request until the till gives up waiting; nothing is charged. */
  timeout: { token: 'tok_test_visa_timeout', brand: 'Visa', last4: '0119' },
  /** The processor charges the card, then answers 500 (code 'internal'): the outcome is unknown to the till. */
  failAfterCharge: { token: 'tok_test_visa_fail_after_charge', brand: 'Visa', last4: '0259' },
} as const satisfies Record<string, CardToken>;

export type TestCardName = keyof typeof TEST_CARDS;
export const TEST_CARD_NAMES = Object.keys(TEST_CARDS) as [TestCardName, ...TestCardName[]];
