/**
 * How the till core talks to a card processor: the four requests of shared/payments/processor-api.ts, each with an
 * outcome that says what the till can know. The HTTP implementation (http-processor.ts) signs and verifies every
 * message; tests may pass another implementation (TillCoreOptions.processor).
 */
import type { PaymentRequest, ProcessorAnswer, ProcessorErrorCode, RefundRequest, VoidRequest } from '../../../shared/payments/processor-api';

export type ProcessorOutcome =
  /** A signed, verified answer about the key: the money question is settled. */
  | { kind: 'answer'; answer: ProcessorAnswer }
  /** Look-up only: the processor has never processed this key. */
  | { kind: 'not_found' }
  /** Nothing reached the processor (connection refused, no route): nothing can have happened. */
  | { kind: 'unreachable'; detail: string }
  /** The request may have reached it, but no trustworthy answer came back (timeout, 5xx, bad or missing signature). */
  | { kind: 'unknown'; detail: string }
  /** The processor refused the request itself (signed 4xx: bad request, key conflict, unknown payment): nothing happened. */
  | { kind: 'refused'; code: ProcessorErrorCode; message: string };

export interface CardProcessor {
  pay(request: PaymentRequest): Promise<ProcessorOutcome>;
  refund(request: RefundRequest): Promise<ProcessorOutcome>;
  /** Cancels whatever the payment key did (or will do, should it arrive late): nothing stays charged. */
  cancel(request: VoidRequest): Promise<ProcessorOutcome>;
  lookup(idempotencyKey: string): Promise<ProcessorOutcome>;
  /** Whether the processor answers (a signed, verified reply) — for the status screens show before any card is taken. */
  health(): Promise<'reachable' | 'unreachable'>;
}
