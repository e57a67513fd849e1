import { describe, expect, it } from 'vitest';
import { NonceMemory, newSigningKey, SIGNATURE_HEADERS, SIGNATURE_WINDOW_MS, signReply, signRequest, verifyReply, verifyRequest } from './signature';

const key = newSigningKey('T1-key');
const other = newSigningKey('T1-key');
const keys = (id: string) => (id === key.keyId ? key : null);
const NOW = 1_800_000_000_000;
const body = JSON.stringify({ idempotencyKey: 'S1-P1', amount: 1299 });

describe('request signatures', () => {
  it('accept a request signed with the right key, once', () => {
    const nonces = new NonceMemory();
    const headers = signRequest(key, 'post', '/v1/payments', body, NOW);
    expect(verifyRequest(headers, 'POST', '/v1/payments', body, keys, NOW + 1_000, nonces)).toMatchObject({ ok: true, keyId: 'T1-key' });
    expect(verifyRequest(headers, 'POST', '/v1/payments', body, keys, NOW + 2_000, nonces)).toEqual({ ok: false, problem: 'replayed' });
  });

  it('refuse an unsigned, altered, foreign-keyed or stale request, without remembering its nonce', () => {
    const nonces = new NonceMemory();
    const headers = signRequest(key, 'POST', '/v1/payments', body, NOW);
    const check = (h: Record<string, string>, m = 'POST', p = '/v1/payments', b = body, now = NOW) => verifyRequest(h, m, p, b, keys, now, nonces);
    expect(check({})).toEqual({ ok: false, problem: 'unsigned' });
    expect(check({ ...headers, [SIGNATURE_HEADERS.keyId]: 'T9-key' })).toEqual({ ok: false, problem: 'unknown_key' });
    expect(check(headers, 'POST', '/v1/payments', body.replace('1299', '1')).ok).toBe(false);
    expect(check(headers, 'POST', '/v1/refunds')).toEqual({ ok: false, problem: 'bad_signature' });
    expect(check(headers, 'GET')).toEqual({ ok: false, problem: 'bad_signature' });
    expect(check(signRequest(other, 'POST', '/v1/payments', body, NOW))).toEqual({ ok: false, problem: 'bad_signature' });
    expect(check(headers, 'POST', '/v1/payments', body, NOW + SIGNATURE_WINDOW_MS + 1)).toEqual({ ok: false, problem: 'stale' });
    expect(check(headers, 'POST', '/v1/payments', body, NOW - SIGNATURE_WINDOW_MS - 1)).toEqual({ ok: false, problem: 'stale' });
    // None of the refusals used up the nonce: the genuine request still goes through.
    expect(check(headers).ok).toBe(true);
  });
});

describe('reply signatures', () => {
  it('bind a reply to the request it answers', () => {
    const nonces = new NonceMemory();
    const reply = JSON.stringify({ status: 'approved' });
    const headers = signReply(key, 200, 'request-nonce-1', reply, NOW);
    expect(verifyReply(headers, 200, 'request-nonce-2', reply, key, NOW, nonces)).toEqual({ ok: false, problem: 'wrong_request' });
    expect(verifyReply(headers, 201, 'request-nonce-1', reply, key, NOW, nonces)).toEqual({ ok: false, problem: 'bad_signature' });
    expect(verifyReply(headers, 200, 'request-nonce-1', reply.replace('approved', 'declined'), key, NOW, nonces)).toEqual({ ok: false, problem: 'bad_signature' });
    expect(verifyReply(headers, 200, 'request-nonce-1', reply, other, NOW, nonces)).toEqual({ ok: false, problem: 'bad_signature' });
    expect(verifyReply(headers, 200, 'request-nonce-1', reply, key, NOW + SIGNATURE_WINDOW_MS + 1, nonces)).toEqual({ ok: false, problem: 'stale' });
    expect(verifyReply(headers, 200, 'request-nonce-1', reply, key, NOW, nonces).ok).toBe(true);
    expect(verifyReply(headers, 200, 'request-nonce-1', reply, key, NOW, nonces)).toEqual({ ok: false, problem: 'replayed' });
  });
});
