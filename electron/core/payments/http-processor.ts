/**
 * The card processor over HTTP: every request signed with the terminal's key, every reply verified (signature, the
 * request it answers, freshness, not seen before). A reply that fails any check is logged and counts as `unknown`,
 * never as an answer; a request that could not even be sent counts as `unreachable`.
 */
import { PROCESSOR_PATHS, type PaymentRequest, type ProcessorAnswer, type ProcessorError, type RefundRequest, type VoidRequest } from '../../../shared/payments/processor-api';
import { NonceMemory, signRequest, verifyReply, type SigningKey } from '../../../shared/payments/signature';
import type { Logger } from '../log';
import type { CardProcessor, ProcessorOutcome } from './card-processor';

export interface HttpProcessorOptions {
  /** The processor's address, ending in '/'. */
  url: string;
  key: SigningKey;
  /** How long a request may take before its outcome counts as unknown. */
  timeoutMs: number;
  now?: () => number;
  log: Logger;
}

/** Errors that mean the request never left this machine (nothing can have been charged). */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  return typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.name : 'unknown';
}

function isAnswer(value: unknown): value is ProcessorAnswer {
  const v = value as Partial<ProcessorAnswer> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    (v.kind === 'payment' || v.kind === 'refund' || v.kind === 'void') &&
    (v.status === 'approved' || v.status === 'declined') &&
    typeof v.idempotencyKey === 'string'
  );
}

export function createHttpProcessor(options: HttpProcessorOptions): CardProcessor {
  const now = options.now ?? Date.now;
  const replies = new NonceMemory();
  const base = new URL(options.url);

  type Exchange = Extract<ProcessorOutcome, { kind: 'unreachable' | 'unknown' }> | { kind: 'reply'; status: number; json: unknown };

  /** One signed request and its verified reply (or why there is none to trust). */
  async function exchange(method: 'GET' | 'POST', path: string, payload: unknown, key: string): Promise<Exchange> {
    const body = method === 'POST' ? JSON.stringify(payload) : '';
    const headers = signRequest(options.key, method, path, body, now());
    const requestNonce = headers['kassa-nonce'];
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers: { ...headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'POST' ? { body } : {}),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const code = errorCode(error);
      if (NOT_SENT.has(code)) return { kind: 'unreachable', detail: code };
      return { kind: 'unknown', detail: code === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : code };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return { kind: 'unknown', detail: `the answer broke off (${errorCode(error)})` };
    }
    const check = verifyReply(response.headers, response.status, requestNonce, text, options.key, now(), replies);
    if (!check.ok) {
      options.log.warn('Refused a reply from the card processor', { problem: check.problem, status: response.status, path, key });
      return { kind: 'unknown', detail: `the reply failed its check (${check.problem})` };
    }
    try {
      return { kind: 'reply', status: response.status, json: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'unknown', detail: 'the reply is not JSON' };
    }
  }

  async function send(method: 'GET' | 'POST', path: string, payload: unknown, key: string): Promise<ProcessorOutcome> {
    const reply = await exchange(method, path, payload, key);
    if (reply.kind !== 'reply') return reply;
    const { status, json } = reply;
    if (status === 200 && isAnswer(json)) {
      if (json.idempotencyKey !== key) return { kind: 'unknown', detail: 'the reply names another payment' };
      return { kind: 'answer', answer: json };
    }
    const error = (json as Partial<ProcessorError>).error;
    if (status === 404 && error?.code === 'not_found') return { kind: 'not_found' };
    if (status >= 400 && status < 500 && error?.code) return { kind: 'refused', code: error.code, message: error.message };
    return { kind: 'unknown', detail: `HTTP ${status}${error?.code ? ` ${error.code}` : ''}` };
  }

  return {
    pay: (request: PaymentRequest) => send('POST', PROCESSOR_PATHS.payments, request, request.idempotencyKey),
    refund: (request: RefundRequest) => send('POST', PROCESSOR_PATHS.refunds, request, request.idempotencyKey),
    cancel: (request: VoidRequest) => send('POST', PROCESSOR_PATHS.voids, request, request.idempotencyKey),
    lookup: (idempotencyKey: string) =>
      send('GET', `${PROCESSOR_PATHS.lookup}?idempotencyKey=${encodeURIComponent(idempotencyKey)}`, null, idempotencyKey),
    // Asking for health charges nothing: a processor that gives no trustworthy answer (silence, a broken or unsigned
    // reply, an error) cannot be used now, and the screens say so.
    async health() {
      const reply = await exchange('GET', PROCESSOR_PATHS.health, null, 'health');
      return reply.kind === 'reply' && reply.status === 200 ? 'reachable' : 'unreachable';
    },
  };
}
