/**
 * Signed messages between a till and the card processor, both ways: the one place a signature is made or checked.
 *
 * A request is signed over its method, path (with query), timestamp, a fresh nonce and the SHA-256 of its body; a
 * reply over its status, the request's nonce, its own timestamp and nonce and its body's SHA-256, so a reply cannot
 * be moved to another request. HMAC-SHA256 with a per-terminal key (a key id names it). Each side refuses a
 * message that is unsigned, altered, signed with an unknown key, outside the time window, or whose nonce it has
 * seen before. Node only (node:crypto): the renderer never signs anything.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADERS = {
  keyId: 'kassa-key-id',
  timestamp: 'kassa-timestamp',
  nonce: 'kassa-nonce',
  signature: 'kassa-signature',
  /** On a reply: the nonce of the request it answers. */
  requestNonce: 'kassa-request-nonce',
} as const;

/** How far a message's timestamp may be from the receiver's clock. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

export interface SigningKey {
  keyId: string;
  /** The shared secret, base64url; never logged, never sent. */
  secret: string;
}

export type SignatureHeaders = Record<(typeof SIGNATURE_HEADERS)[keyof typeof SIGNATURE_HEADERS], string>;

const sha256 = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');
const hmac = (secret: string, text: string) => createHmac('sha256', Buffer.from(secret, 'base64url')).update(text, 'utf8').digest('hex');

function requestText(method: string, path: string, timestamp: string, nonce: string, body: string): string {
  return ['KASSA-REQUEST-1', method.toUpperCase(), path, timestamp, nonce, sha256(body)].join('\n');
}

function replyText(status: number, requestNonce: string, timestamp: string, nonce: string, body: string): string {
  return ['KASSA-REPLY-1', String(status), requestNonce, timestamp, nonce, sha256(body)].join('\n');
}

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** A new key: 32 random bytes. */
export function newSigningKey(keyId: string): SigningKey {
  return { keyId, secret: randomBytes(32).toString('base64url') };
}

export function signRequest(key: SigningKey, method: string, path: string, body: string, now: number, nonce = newNonce()): Omit<SignatureHeaders, 'kassa-request-nonce'> {
  const timestamp = String(now);
  return {
    [SIGNATURE_HEADERS.keyId]: key.keyId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: hmac(key.secret, requestText(method, path, timestamp, nonce, body)),
  };
}

export function signReply(key: SigningKey, status: number, requestNonce: string, body: string, now: number, nonce = newNonce()): SignatureHeaders {
  const timestamp = String(now);
  return {
    [SIGNATURE_HEADERS.keyId]: key.keyId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.requestNonce]: requestNonce,
    [SIGNATURE_HEADERS.signature]: hmac(key.secret, replyText(status, requestNonce, timestamp, nonce, body)),
  };
}

export type SignatureProblem = 'unsigned' | 'unknown_key' | 'bad_signature' | 'stale' | 'replayed' | 'wrong_request';

export type SignatureCheck = { ok: true; keyId: string; nonce: string } | { ok: false; problem: SignatureProblem };

/**
 * Remembers the nonces seen within the window, so a message sent twice is refused the second time. Entries older
 * than the window are forgotten: a message that old is refused as stale anyway.
 */
export class NonceMemory {
  private readonly seen = new Map<string, number>();

  /** true the first time a nonce is offered, false after. */
  remember(nonce: string, now: number): boolean {
    if (this.seen.size > 10_000) for (const [n, at] of this.seen) if (now - at > SIGNATURE_WINDOW_MS) this.seen.delete(n);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

type HeaderSource = Record<string, string | string[] | undefined> | { get(name: string): string | null };

function header(headers: HeaderSource, name: string): string {
  const value = typeof (headers as { get?: unknown }).get === 'function' ? (headers as { get(name: string): string | null }).get(name) : (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

function checkCommon(headers: HeaderSource, keyFor: (keyId: string) => SigningKey | null, now: number, nonces: NonceMemory) {
  const keyId = header(headers, SIGNATURE_HEADERS.keyId);
  const timestamp = header(headers, SIGNATURE_HEADERS.timestamp);
  const nonce = header(headers, SIGNATURE_HEADERS.nonce);
  const signature = header(headers, SIGNATURE_HEADERS.signature);
  if (!keyId || !timestamp || !nonce || !signature) return { ok: false as const, problem: 'unsigned' as const };
  const key = keyFor(keyId);
  if (!key) return { ok: false as const, problem: 'unknown_key' as const };
  return { ok: true as const, key, keyId, timestamp, nonce, signature, fresh: () => /^\d{1,15}$/.test(timestamp) && Math.abs(now - Number(timestamp)) <= SIGNATURE_WINDOW_MS, remember: () => nonces.remember(`${keyId}:${nonce}`, now) };
}

/** The processor's check of a request. The nonce is remembered only when everything else is right. */
export function verifyRequest(
  headers: HeaderSource,
  method: string,
  path: string,
  body: string,
  keyFor: (keyId: string) => SigningKey | null,
  now: number,
  nonces: NonceMemory,
): SignatureCheck {
  const c = checkCommon(headers, keyFor, now, nonces);
  if (!c.ok) return c;
  if (!sameHex(c.signature, hmac(c.key.secret, requestText(method, path, c.timestamp, c.nonce, body)))) return { ok: false, problem: 'bad_signature' };
  if (!c.fresh()) return { ok: false, problem: 'stale' };
  if (!c.remember()) return { ok: false, problem: 'replayed' };
  return { ok: true, keyId: c.keyId, nonce: c.nonce };
}

/** The till's check of a reply to the request it sent with `requestNonce`. */
export function verifyReply(
  headers: HeaderSource,
  status: number,
  requestNonce: string,
  body: string,
  key: SigningKey,
  now: number,
  nonces: NonceMemory,
): SignatureCheck {
  const c = checkCommon(headers, (keyId) => (keyId === key.keyId ? key : null), now, nonces);
  if (!c.ok) return c;
  const answered = header(headers, SIGNATURE_HEADERS.requestNonce);
  if (!sameHex(c.signature, hmac(c.key.secret, replyText(status, answered, c.timestamp, c.nonce, body)))) return { ok: false, problem: 'bad_signature' };
  if (answered !== requestNonce) return { ok: false, problem: 'wrong_request' };
  if (!c.fresh()) return { ok: false, problem: 'stale' };
  if (!c.remember()) return { ok: false, problem: 'replayed' };
  return { ok: true, keyId: c.keyId, nonce: c.nonce };
}
