/**
 * The till's processor client against replies it must not trust: a processor stand-in on loopback whose replies
 * the test shapes (tampered after signing, stale, replayed, bound to another request, unsigned). Each must count as
 * an unknown outcome — never as an answer — and be logged; a good reply is an answer; a refused connection is
 * unreachable.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProcessorAnswer } from '../../../shared/payments/processor-api';
import { newSigningKey, SIGNATURE_HEADERS, SIGNATURE_WINDOW_MS, signReply, type SignatureHeaders } from '../../../shared/payments/signature';
import type { Logger } from '../log';
import { createHttpProcessor } from './http-processor';

const key = newSigningKey('T1-key');
const request = {
  idempotencyKey: 'S1-P1-AAAA',
  terminalId: 'T1',
  amount: 1299,
  currency: 'EUR',
  card: { token: 'tok', brand: 'Visa', last4: '4242' },
  offline: false,
  takenAt: '2026-12-02T10:00:00.000Z',
};
const approved: ProcessorAnswer = { kind: 'payment', status: 'approved', idempotencyKey: request.idempotencyKey, reference: 'pay_1', amount: 1299, currency: 'EUR', at: '2026-12-02T10:00:00.000Z' };

type Shape = (requestNonce: string) => { status: number; headers: Partial<SignatureHeaders>; body: string };
let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** A processor that answers every request with what `shape` makes of it. */
async function processorAnswering(shape: Shape): Promise<string> {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const reply = shape(String(req.headers[SIGNATURE_HEADERS.nonce] ?? ''));
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
}

function recordingLog(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug: () => undefined, info: () => undefined, warn: (m, c) => void warnings.push(`${m} ${JSON.stringify(c)}`), error: () => undefined };
}

const signed = (status: number, body: string, nonce: string, at = Date.now()) => ({ status, headers: signReply(key, status, nonce, body, at), body });

describe('the processor client', () => {
  it('takes a signed reply to its own request as the answer', async () => {
    const url = await processorAnswering((nonce) => signed(200, JSON.stringify(approved), nonce));
    const client = createHttpProcessor({ url, key, timeoutMs: 2_000, log: recordingLog() });
    expect(await client.pay(request)).toEqual({ kind: 'answer', answer: approved });
  });

  it('counts a tampered, stale, misdirected, replayed or unsigned reply as unknown, and logs it', async () => {
    const cases: [string, Shape, RegExp][] = [
      ['tampered after signing', (n) => ({ ...signed(200, JSON.stringify(approved), n), body: JSON.stringify({ ...approved, amount: 1 }) }), /bad_signature/],
      ['signed with another key', (n) => ({ status: 200, headers: signReply(newSigningKey('T1-key'), 200, n, JSON.stringify(approved), Date.now()), body: JSON.stringify(approved) }), /bad_signature/],
      ['stale', (n) => signed(200, JSON.stringify(approved), n, Date.now() - SIGNATURE_WINDOW_MS - 60_000), /stale/],
      ['for another request', () => signed(200, JSON.stringify(approved), 'someone-elses-nonce'), /wrong_request/],
      ['unsigned', () => ({ status: 200, headers: {}, body: JSON.stringify(approved) }), /unsigned/],
    ];
    for (const [what, shape, problem] of cases) {
      const url = await processorAnswering(shape);
      const log = recordingLog();
      const outcome = await createHttpProcessor({ url, key, timeoutMs: 2_000, log }).pay(request);
      expect(outcome, what).toMatchObject({ kind: 'unknown', detail: expect.stringMatching(problem) });
      expect(log.warnings.join('\n'), what).toMatch(/Refused a reply from the card processor/);
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    }
  });

  it('refuses a reply it has seen before (a replay), even for the same request', async () => {
    let first: ReturnType<typeof signed> | null = null;
    const url = await processorAnswering((nonce) => (first ??= signed(200, JSON.stringify(approved), nonce)));
    const client = createHttpProcessor({ url, key, timeoutMs: 2_000, log: recordingLog() });
    expect((await client.pay(request)).kind).toBe('answer');
    // The recorded reply names the first request's nonce; for the next request it is a replay of an old answer.
    expect(await client.pay(request)).toMatchObject({ kind: 'unknown', detail: expect.stringMatching(/wrong_request|replayed/) });
  });

  it('takes a signed refusal as refused, a missing key as not found, silence as unknown, a closed port as unreachable', async () => {
    const refusal = JSON.stringify({ error: { code: 'idempotency_conflict', message: 'key used with another amount' } });
    let url = await processorAnswering((n) => signed(409, refusal, n));
    expect(await createHttpProcessor({ url, key, timeoutMs: 2_000, log: recordingLog() }).pay(request)).toEqual({ kind: 'refused', code: 'idempotency_conflict', message: 'key used with another amount' });
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    url = await processorAnswering((n) => signed(404, JSON.stringify({ error: { code: 'not_found', message: 'never seen' } }), n));
    expect(await createHttpProcessor({ url, key, timeoutMs: 2_000, log: recordingLog() }).lookup('S1-P1-AAAA')).toEqual({ kind: 'not_found' });
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    url = await processorAnswering((n) => signed(500, JSON.stringify({ error: { code: 'internal', message: 'lost' } }), n));
    expect(await createHttpProcessor({ url, key, timeoutMs: 2_000, log: recordingLog() }).pay(request)).toMatchObject({ kind: 'unknown', detail: 'HTTP 500 internal' });
    const port = new URL(url).port;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    expect(await createHttpProcessor({ url: `http://127.0.0.1:${port}/`, key, timeoutMs: 2_000, log: recordingLog() }).pay(request)).toMatchObject({ kind: 'unreachable' });
  });

  it('counts no answer within its time as unknown (and a silent processor as unreachable when asked for its health)', async () => {
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const outcome = await createHttpProcessor({ url, key, timeoutMs: 200, log: recordingLog() }).pay(request);
    expect(outcome).toEqual({ kind: 'unknown', detail: 'no answer within 200 ms' });
    // Health charges nothing: a processor that stays silent is one the till cannot use now.
    expect(await createHttpProcessor({ url, key, timeoutMs: 200, log: recordingLog() }).health()).toBe('unreachable');
    server.closeAllConnections();
  });
});
