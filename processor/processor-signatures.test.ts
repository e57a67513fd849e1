/**
 * The processor's door: a request that is unsigned, altered, stale, replayed or signed with a key it does not
 * know is refused (401), logged without secrets, and changes nothing; every reply is signed and bound to its
 * request, so a tampered reply fails the till's check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSOR_PATHS } from '../shared/payments/processor-api';
import { newSigningKey, NonceMemory, SIGNATURE_HEADERS, SIGNATURE_WINDOW_MS, signRequest, verifyReply } from '../shared/payments/signature';
import { processorClient, sendRaw } from './test-support/processor-client';
import { paymentRequest } from './test-support/requests';
import { openTempProcessor, type TempProcessor } from './test-support/temp-processor';

let fx: TempProcessor;
beforeAll(async () => {
  fx = await openTempProcessor();
});
afterAll(() => fx.dispose());

const PATH = PROCESSOR_PATHS.payments;
const post = (body: string, headers: Record<string, string>) => sendRaw(fx.processor.url, { method: 'POST', path: PATH, body, headers });

/** Sends `send()`, expects a 401 with `code`, and that the ledger did not change. */
async function refused(code: string, send: () => Promise<{ status: number; text: string; headers: Headers }>) {
  const before = await fx.control.ledger();
  const reply = await send();
  expect(reply.status).toBe(401);
  expect(JSON.parse(reply.text).error.code).toBe(code);
  expect(await fx.control.ledger()).toEqual(before);
  return reply;
}

describe('refused requests', () => {
  it('unsigned: 401 bad_signature, logged', async () => {
    const body = JSON.stringify(paymentRequest());
    const reply = await refused('bad_signature', () => post(body, {}));
    expect(reply.headers.get(SIGNATURE_HEADERS.signature)).toBeNull();
    expect(fx.logs.at(-1)).toMatchObject({ level: 'warn', message: 'Refused a request', fields: { problem: 'unsigned', path: PATH } });
  });

  it('altered body: 401 bad_signature, and the refusal is signed for the caller', async () => {
    const request = paymentRequest({ amount: 100 });
    const signedBody = JSON.stringify(request);
    const headers = fx.client.sign('POST', PATH, signedBody);
    const reply = await refused('bad_signature', () => post(JSON.stringify({ ...request, amount: 100_000 }), headers));
    expect(verifyReply(reply.headers, 401, headers[SIGNATURE_HEADERS.nonce], reply.text, fx.client.key, Date.now(), new NonceMemory()).ok).toBe(true);
    // Sent as signed, the same request still goes through: the refusal did not use up its nonce.
    expect((await post(signedBody, headers)).status).toBe(200);
  });

  it('signed for another path or method: 401 bad_signature', async () => {
    const body = JSON.stringify(paymentRequest());
    await refused('bad_signature', () => post(body, fx.client.sign('POST', PROCESSOR_PATHS.refunds, body)));
    await refused('bad_signature', () => post(body, fx.client.sign('PUT', PATH, body)));
  });

  it('stale timestamp: 401 stale, either side of the window', async () => {
    const body = JSON.stringify(paymentRequest());
    await refused('stale', () => post(body, fx.client.sign('POST', PATH, body, Date.now() - SIGNATURE_WINDOW_MS - 5_000)));
    await refused('stale', () => post(body, fx.client.sign('POST', PATH, body, Date.now() + SIGNATURE_WINDOW_MS + 5_000)));
    expect(fx.logs.at(-1)?.fields.problem).toBe('stale');
  });

  it('replayed nonce: 401 replayed, even for a request the processor answered', async () => {
    const request = paymentRequest();
    const body = JSON.stringify(request);
    const headers = fx.client.sign('POST', PATH, body);
    const first = await post(body, headers);
    expect(first.status).toBe(200);
    await refused('replayed', () => post(body, headers));
    // A replay of a new request under a used nonce: refused too, and nothing charged.
    const other = JSON.stringify(paymentRequest());
    const reused = signRequest(fx.client.key, 'POST', PATH, other, Date.now(), headers[SIGNATURE_HEADERS.nonce]);
    await refused('replayed', () => post(other, reused));
  });

  it('unknown key: 401 bad_signature, unsigned reply', async () => {
    const stranger = newSigningKey('T1-stranger');
    const body = JSON.stringify(paymentRequest());
    const reply = await refused('bad_signature', () => post(body, signRequest(stranger, 'POST', PATH, body, Date.now())));
    expect(reply.headers.get(SIGNATURE_HEADERS.signature)).toBeNull();
    expect(fx.logs.at(-1)?.fields).toMatchObject({ problem: 'unknown_key', keyId: 'T1-stranger' });
  });

  it("a key used for another terminal's request: 401 bad_signature", async () => {
    const body = JSON.stringify(paymentRequest({ terminalId: 'T2' }));
    const reply = await refused('bad_signature', () => post(body, fx.client.sign('POST', PATH, body)));
    expect(JSON.parse(reply.text).error.message).toMatch(/belongs to terminal T1, not T2/);
  });

  it('refuses unsigned reads too (health, lookup)', async () => {
    expect((await sendRaw(fx.processor.url, { method: 'GET', path: PROCESSOR_PATHS.health })).status).toBe(401);
    expect((await sendRaw(fx.processor.url, { method: 'GET', path: `${PROCESSOR_PATHS.lookup}?idempotencyKey=x` })).status).toBe(401);
  });

  it('never logs a secret or a signature', () => {
    const logged = JSON.stringify(fx.logs);
    expect(logged).not.toContain(fx.client.key.secret);
    expect(fx.logs.length).toBeGreaterThan(5);
    for (const line of fx.logs) expect(Object.keys(line.fields)).not.toContain('signature');
  });
});

describe('signed replies', () => {
  it('verify with the till key, and fail when tampered with or moved to another request', async () => {
    const reply = await fx.client.post(PATH, paymentRequest());
    expect(reply.check).toMatchObject({ ok: true });
    const check = (headers: Headers, status: number, nonce: string, text: string) => verifyReply(headers, status, nonce, text, fx.client.key, Date.now(), new NonceMemory());
    expect(check(reply.headers, reply.status, reply.requestNonce, reply.text).ok).toBe(true);
    expect(check(reply.headers, reply.status, reply.requestNonce, reply.text.replace('"approved"', '"declined"'))).toEqual({ ok: false, problem: 'bad_signature' });
    expect(check(reply.headers, 201, reply.requestNonce, reply.text)).toEqual({ ok: false, problem: 'bad_signature' });
    expect(check(reply.headers, reply.status, 'another-request', reply.text)).toEqual({ ok: false, problem: 'wrong_request' });
    const forged = new Headers(reply.headers);
    forged.set(SIGNATURE_HEADERS.signature, '00'.repeat(32));
    expect(check(forged, reply.status, reply.requestNonce, reply.text)).toEqual({ ok: false, problem: 'bad_signature' });
  });

  it('are signed on errors too', async () => {
    const conflictKey = paymentRequest();
    await fx.client.post(PATH, conflictKey);
    for (const reply of [await fx.client.post(PATH, { ...conflictKey, amount: 1 }), await fx.client.post(PATH, { amount: 0 }), await fx.client.get('/v1/nothing')]) {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.check.ok).toBe(true);
    }
  });

  it('a key provisioned for another terminal signs that terminal’s replies', async () => {
    const t3 = await fx.control.call('POST', '/control/keys', { terminalId: 'T3' });
    const client = processorClient(fx.processor.url, t3.body);
    const reply = await client.post(PATH, paymentRequest({ terminalId: 'T3' }));
    expect(reply.status).toBe(200);
    expect(reply.check).toMatchObject({ ok: true, keyId: t3.body.keyId });
    expect(verifyReply(reply.headers, reply.status, reply.requestNonce, reply.text, fx.client.key, Date.now(), new NonceMemory()).ok).toBe(false);
  });
});
