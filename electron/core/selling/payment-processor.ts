/**
 * Card payments go through this interface: the till asks, a processor (card network, terminal, acquirer) answers.
 * Every request carries an idempotency key so that asking twice (a retry after a timeout or a crash) never charges
 * twice. Queuing card payments while offline and reconciling them later is a separate piece of work.
 */

export interface CardRequest {
  /** Same key, same answer: built from the sale id, which the cart holds from its first item. */
  idempotencyKey: string;
  amount: number;
  currency: string;
}

export type CardDecision = { approved: true; reference: string } | { approved: false; reason: string };

export interface PaymentProcessor {
  authorize(request: CardRequest): Promise<CardDecision>;
  /** Releases an authorization whose sale did not complete (e.g. the second card of a split was declined). */
  voidAuthorization(reference: string): Promise<void>;
  refund(request: CardRequest & { originalReference: string }): Promise<CardDecision>;
}

/**
 * A STAND-IN FOR A CARD NETWORK, which cannot be reached from where Kassa is built and tested. It approves every
 * payment except amounts whose minor units end in 13 (e.g. 10.13), which it declines, so tests and demos can show a
 * decline; refunds are always approved. It remembers its answers by idempotency key, as a real processor does.
 */
export function createSimulatedProcessor(): PaymentProcessor {
  const answers = new Map<string, { amount: number; decision: CardDecision }>();
  let counter = 0;
  const decide = (request: CardRequest, kind: 'A' | 'R'): CardDecision => {
    const known = answers.get(`${kind}:${request.idempotencyKey}`);
    if (known && known.amount === request.amount && known.decision.approved) return known.decision;
    const decision: CardDecision =
      kind === 'A' && request.amount % 100 === 13
        ? { approved: false, reason: 'declined by the card issuer (simulated)' }
        : { approved: true, reference: `SIM-${kind}${String(++counter).padStart(6, '0')}-${request.idempotencyKey}` };
    answers.set(`${kind}:${request.idempotencyKey}`, { amount: request.amount, decision });
    return decision;
  };
  return {
    authorize: async (request) => decide(request, 'A'),
    voidAuthorization: async () => undefined,
    refund: async (request) => decide(request, 'R'),
  };
}
