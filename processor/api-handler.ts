/**
 * The processor's API door: every request is checked against its signature (shared/payments/signature.ts) before
 * anything else, its body against requests.ts, its terminal against its key, and only then handed to the payment
 * book. Every reply, errors included, is signed with the caller's key and bound to the request's nonce.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROCESSOR_PATHS, type ProcessorErrorCode } from '../shared/payments/processor-api';
import { SIGNATURE_HEADERS, SIGNATURE_WINDOW_MS, signReply, verifyRequest, type NonceMemory, type SignatureProblem } from '../shared/payments/signature';
import { errorBody, headerValue, readBody, writeJson } from './http-io';
import type { ProcessorLog } from './log';
import type { BookResult, PaymentBook } from './payment-book';
import { checkPayment, checkRefund, checkVoid, type Checked } from './requests';
import type { KeyRing } from './terminal-keys';

export interface ApiDeps {
  keys: KeyRing;
  book: PaymentBook;
  nonces: NonceMemory;
  log: ProcessorLog;
  /** Added before each reply (the control listener's latency switch). */
  latencyMs(): number;
  /** Runs `work` after `ms` unless the processor closes first; the returned cancel says whether it was still due. */
  later(ms: number, work: () => void): () => boolean;
  /** How long the timeout test card holds a request. */
  holdMs: number;
}

/** One request and the means to answer it. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Path and query exactly as sent: what the signature covers. */
  target: string;
  reply(status: number, body: string, closeAfter?: boolean): void;
  fail(status: number, code: ProcessorErrorCode, message: string): void;
}

const REFUSAL: Record<Exclude<SignatureProblem, 'wrong_request'>, { code: ProcessorErrorCode; message: string }> = {
  unsigned: { code: 'bad_signature', message: `The request is not signed (${SIGNATURE_HEADERS.keyId}, ${SIGNATURE_HEADERS.timestamp}, ${SIGNATURE_HEADERS.nonce} and ${SIGNATURE_HEADERS.signature} headers)` },
  unknown_key: { code: 'bad_signature', message: 'The key id is not known to the processor: provision a key for this terminal' },
  bad_signature: { code: 'bad_signature', message: 'The signature does not match the request: it was altered, or signed with another key' },
  stale: { code: 'stale', message: `The request's timestamp is more than ${SIGNATURE_WINDOW_MS / 60_000} minutes from the processor's clock: check the till's clock` },
  replayed: { code: 'replayed', message: 'This request was already received (its nonce was seen): a replayed request is refused' },
};

export function apiHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const x = exchange(deps, req, res);
    try {
      await route(deps, x);
    } catch (error) {
      deps.log('error', 'Request failed', { method: x.method, path: x.target, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      // The book's transaction rolled back: nothing was charged, and a lookup of the key says so.
      x.fail(500, 'internal', 'The processor failed on this request and recorded nothing; it is safe to retry with the same idempotency key');
    }
  };
}

function exchange(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Exchange {
  const keyId = headerValue(req, SIGNATURE_HEADERS.keyId);
  const requestNonce = headerValue(req, SIGNATURE_HEADERS.nonce);
  // Signed with the key the caller names, whatever else is wrong with the request; no known key, no signature.
  const replyKey = keyId ? deps.keys.keyFor(keyId) : null;
  const reply = (status: number, body: string, closeAfter = false) => {
    const send = () => writeJson(res, status, body, replyKey ? signReply(replyKey, status, requestNonce, body, Date.now()) : {}, closeAfter);
    const latency = deps.latencyMs();
    if (latency > 0) deps.later(latency, send);
    else send();
  };
  return {
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    target: req.url ?? '/',
    reply,
    fail: (status, code, message) => reply(status, errorBody(code, message)),
  };
}

async function route(deps: ApiDeps, x: Exchange): Promise<void> {
  const read = await readBody(x.req);
  if (!read.ok) return x.reply(413, errorBody('bad_request', 'The body is larger than 64 KiB'), true);
  const check = verifyRequest(x.req.headers, x.method, x.target, read.text, deps.keys.keyFor, Date.now(), deps.nonces);
  if (!check.ok) {
    const refusal = REFUSAL[check.problem as keyof typeof REFUSAL] ?? REFUSAL.bad_signature;
    const keyId = headerValue(x.req, SIGNATURE_HEADERS.keyId) || null;
    deps.log('warn', 'Refused a request', { problem: check.problem, keyId, method: x.method, path: x.target, remote: x.req.socket.remoteAddress });
    return x.fail(401, refusal.code, refusal.message);
  }
  const caller = { keyId: check.keyId, terminalId: deps.keys.terminalOf(check.keyId)! };
  const { pathname, searchParams } = new URL(x.target, 'http://processor');
  const now = Date.now();
  switch (pathname) {
    case PROCESSOR_PATHS.payments:
      return money(deps, x, caller, read.text, checkPayment, (request) => deps.book.pay(request, now));
    case PROCESSOR_PATHS.refunds:
      return money(deps, x, caller, read.text, checkRefund, (request) => deps.book.refund(request, now));
    case PROCESSOR_PATHS.voids:
      return money(deps, x, caller, read.text, checkVoid, (request) => deps.book.cancel(request, now));
    case PROCESSOR_PATHS.lookup: {
      if (x.method !== 'GET') return x.fail(405, 'bad_request', `${pathname} takes GET`);
      const key = searchParams.get('idempotencyKey');
      if (!key) return x.fail(400, 'bad_request', 'idempotencyKey is missing from the query');
      return settle(deps, x, deps.book.lookup(key), key);
    }
    case PROCESSOR_PATHS.health:
      if (x.method !== 'GET') return x.fail(405, 'bad_request', `${pathname} takes GET`);
      return x.reply(200, JSON.stringify({ ok: true }));
    default:
      return x.fail(404, 'not_found', `No API route ${x.method} ${pathname}`);
  }
}

/** A POST that may move money: parsed, checked, held to the terminal its key belongs to, then run. */
function money<T extends { terminalId: string; idempotencyKey: string }>(
  deps: ApiDeps,
  x: Exchange,
  caller: { keyId: string; terminalId: string },
  text: string,
  checker: (body: unknown) => Checked<T>,
  run: (request: T) => BookResult,
): void {
  if (x.method !== 'POST') return x.fail(405, 'bad_request', `${new URL(x.target, 'http://processor').pathname} takes POST`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return x.fail(400, 'bad_request', 'The body is not JSON');
  }
  const checked = checker(body);
  if (!checked.ok) return x.fail(400, 'bad_request', checked.message);
  if (checked.value.terminalId !== caller.terminalId) {
    deps.log('warn', 'Refused a request for another terminal', { keyId: caller.keyId, keyTerminal: caller.terminalId, terminalId: checked.value.terminalId, path: x.target });
    return x.fail(401, 'bad_signature', `Key ${caller.keyId} belongs to terminal ${caller.terminalId}, not ${checked.value.terminalId}`);
  }
  return settle(deps, x, run(checked.value), checked.value.idempotencyKey);
}

function settle(deps: ApiDeps, x: Exchange, result: BookResult, idempotencyKey: string): void {
  if (result.type === 'hold') return hold(deps, x.res, idempotencyKey);
  if (result.entry) {
    const { entry } = result;
    const repeated = result.type === 'answer' && result.repeated ? ' (repeated key)' : '';
    const replied = result.type === 'error' ? `; replied ${result.status} ${result.code}` : '';
    const approved = entry.answer.status === 'approved' ? entry.answer : null;
    deps.log('info', `${entry.kind} ${entry.answer.status}${repeated}${replied}`, {
      idempotencyKey: entry.idempotencyKey,
      terminalId: entry.terminalId,
      amount: approved?.amount ?? entry.amount,
      currency: approved?.currency ?? entry.currency,
    });
  }
  if (result.type === 'answer') return x.reply(200, result.body);
  return x.fail(result.status, result.code, result.message);
}

/** The timeout card: no answer, nothing charged; the connection closes when the till gives up, or after holdMs. */
function hold(deps: ApiDeps, res: ServerResponse, idempotencyKey: string): void {
  const started = Date.now();
  deps.log('info', 'Timeout card: holding the request without an answer', { idempotencyKey, holdMs: deps.holdMs });
  const cancel = deps.later(deps.holdMs, () => {
    deps.log('info', 'Timeout card: closed the held request without an answer', { idempotencyKey, heldMs: Date.now() - started });
    res.destroy();
  });
  res.once('close', () => {
    if (cancel()) deps.log('info', 'Timeout card: the client gave up waiting', { idempotencyKey, heldMs: Date.now() - started });
  });
}
