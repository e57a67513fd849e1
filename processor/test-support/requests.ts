/** Requests for the processor's tests, each with a fresh idempotency key unless one is given. */
import { randomBytes } from 'node:crypto';
import { TEST_CARDS, type PaymentRequest, type RefundRequest, type VoidRequest } from '../../shared/payments/processor-api';
import { TERMINAL } from './temp-processor';

export const newKey = (prefix = 'K') => `${prefix}-${randomBytes(6).toString('hex')}`;

export function paymentRequest(overrides: Partial<PaymentRequest> = {}): PaymentRequest {
  return {
    idempotencyKey: newKey('PAY'),
    terminalId: TERMINAL,
    amount: 1299,
    currency: 'EUR',
    card: TEST_CARDS.approve,
    offline: false,
    takenAt: new Date().toISOString(),
    ...overrides,
  };
}

export function refundRequest(paymentReference: string, overrides: Partial<RefundRequest> = {}): RefundRequest {
  return { idempotencyKey: newKey('REF'), terminalId: TERMINAL, paymentReference, amount: 100, currency: 'EUR', ...overrides };
}

export function voidRequest(paymentIdempotencyKey: string, overrides: Partial<VoidRequest> = {}): VoidRequest {
  return { idempotencyKey: newKey('VOID'), terminalId: TERMINAL, paymentIdempotencyKey, ...overrides };
}
