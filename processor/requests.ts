/**
 * The processor's check of what a till sends: the shapes of shared/payments/processor-api.ts, with messages an IT
 * person can act on. Nothing reaches the ledger without passing here.
 */
import { z } from 'zod';
import type { PaymentRequest, RefundRequest, VoidRequest } from '../shared/payments/processor-api';

const key = (what: string) => z.string({ error: `${what} must be a string` }).min(1, `${what} must not be empty`).max(200, `${what} must be at most 200 characters`);

const amount = z.number({ error: 'amount must be a whole number of minor units (e.g. 1299 for 12.99)' }).superRefine((n, ctx) => {
  const problem = !Number.isInteger(n)
    ? `amount must be a whole number of minor units (e.g. 1299 for 12.99), not ${n}`
    : n <= 0
      ? `amount must be above 0, not ${n}`
      : !Number.isSafeInteger(n)
        ? 'amount is too large'
        : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const currency = z.string({ error: 'currency must be a string' }).regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code in capitals, e.g. EUR');

const card = z.object(
  {
    token: key('card.token'),
    brand: z.string({ error: 'card.brand must be a string' }).min(1, 'card.brand must not be empty').max(40, 'card.brand must be at most 40 characters'),
    last4: z.string({ error: 'card.last4 must be a string' }).regex(/^\d{4}$/, 'card.last4 must be four digits'),
  },
  { error: 'card must be an object { token, brand, last4 }' },
);

const payment = z.object({
  idempotencyKey: key('idempotencyKey'),
  terminalId: key('terminalId'),
  amount,
  currency,
  card,
  offline: z.boolean({ error: 'offline must be true or false' }),
  takenAt: z.iso.datetime({ offset: true, error: 'takenAt must be an ISO 8601 time, e.g. 2025-03-01T10:15:00Z' }),
});

const refund = z.object({
  idempotencyKey: key('idempotencyKey'),
  terminalId: key('terminalId'),
  paymentReference: key('paymentReference'),
  amount,
  currency,
});

const cancel = z.object({
  idempotencyKey: key('idempotencyKey'),
  terminalId: key('terminalId'),
  paymentIdempotencyKey: key('paymentIdempotencyKey'),
});

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

function check<T>(schema: z.ZodType<T>, body: unknown): Checked<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: 'The body must be a JSON object' };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  // A missing field reads better by name than as zod's "expected string, received undefined".
  const field = issue.path.join('.');
  const missing = issue.code === 'invalid_type' && field && getPath(body, issue.path) === undefined;
  return { ok: false, message: missing ? `${field} is missing` : issue.message };
}

function getPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const part of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at;
}

export const checkPayment = (body: unknown): Checked<PaymentRequest> => check(payment, body);
export const checkRefund = (body: unknown): Checked<RefundRequest> => check(refund, body);
export const checkVoid = (body: unknown): Checked<VoidRequest> => check(cancel, body);
