/**
 * A small signed client for the processor's tests (not the till's client): signs each request with a terminal's
 * key, checks the reply's signature, and can also send a request exactly as given, to try what a forger would.
 */
import { request as httpRequest } from 'node:http';
import { NonceMemory, SIGNATURE_HEADERS, signRequest, verifyReply, type SignatureCheck, type SigningKey } from '../../shared/payments/signature';
import { ADMIN_TOKEN_HEADER } from '../control-api';
import type { LedgerEntry } from '../ledger';

export interface RawReply {
  status: number;
  text: string;
  headers: Headers;
}

export interface SignedReply extends RawReply {
  /** The parsed body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it expects
  body: any;
  /** The reply's own signature check against the request's nonce. */
  check: SignatureCheck;
  requestNonce: string;
}

export interface RawRequest {
  method: string;
  /** Path and query, as signed. */
  path: string;
  body?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * One request on a fresh connection (no keep-alive pool), so a test that stops or restarts the processor never
 * races a pooled connection the server has just closed. The path is sent exactly as given, as it was signed.
 */
export function sendRaw(baseUrl: string, request: RawRequest): Promise<RawReply> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: { 'content-type': 'application/json', ...request.headers },
        agent: false,
        signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers });
        });
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

export interface SendOptions {
  timeoutMs?: number;
  /** Signs as if at this time (for stale-timestamp tests). */
  now?: number;
}

export function processorClient(baseUrl: string, key: SigningKey) {
  const nonces = new NonceMemory();

  /** Headers signing `path` and `body` as this terminal. */
  const sign = (method: string, path: string, body: string, now = Date.now()) => signRequest(key, method, path, body, now);

  async function send(method: string, path: string, payload?: unknown, options: SendOptions = {}): Promise<SignedReply> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers = sign(method, path, body, options.now);
    const reply = await sendRaw(baseUrl, { method, path, ...(payload === undefined ? {} : { body }), headers, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    const requestNonce = headers[SIGNATURE_HEADERS.nonce];
    return {
      ...reply,
      body: reply.text ? JSON.parse(reply.text) : null,
      requestNonce,
      check: verifyReply(reply.headers, reply.status, requestNonce, reply.text, key, Date.now(), nonces),
    };
  }

  return {
    key,
    sign,
    post: (path: string, payload: unknown, options?: SendOptions) => send('POST', path, payload, options),
    get: (path: string, options?: SendOptions) => send('GET', path, undefined, options),
  };
}

export type ProcessorClient = ReturnType<typeof processorClient>;

export function controlClient(controlUrl: string, adminToken: string) {
  const call = async (method: string, path: string, payload?: unknown, token = adminToken) => {
    const reply = await sendRaw(controlUrl, { method, path, headers: { [ADMIN_TOKEN_HEADER]: token }, ...(payload === undefined ? {} : { body: JSON.stringify(payload) }) });
    return { status: reply.status, body: reply.text ? JSON.parse(reply.text) : null };
  };
  return {
    call,
    ledger: async () => (await call('GET', '/control/ledger')).body.entries as LedgerRow[],
    behaviour: (change: { latencyMs?: number; down?: boolean }) => call('POST', '/control/behaviour', change),
  };
}

/** A ledger entry as GET /control/ledger lists it. */
export type LedgerRow = Omit<LedgerEntry, 'answerText'>;
