/**
 * The control listener: latency and reachability switches as a till experiences them, the ledger listing, key
 * provisioning kept on disk, and the admin token required for every one of them.
 */
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSOR_PATHS, TEST_CARDS } from '../shared/payments/processor-api';
import { processorClient } from './test-support/processor-client';
import { paymentRequest } from './test-support/requests';
import { openTempProcessor, type TempProcessor } from './test-support/temp-processor';
import { KEYS_FILE } from './terminal-keys';

let fx: TempProcessor;
beforeAll(async () => {
  fx = await openTempProcessor();
});
afterAll(() => fx.dispose());

const health = () => fx.client.get(PROCESSOR_PATHS.health);

/** The error code a failed request carries (ECONNREFUSED when nothing listens). */
async function connectionError(send: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await send();
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

describe('switches', () => {
  it('latency delays every answer, errors included, until it is set back', async () => {
    expect((await fx.control.behaviour({ latencyMs: 600 })).body).toEqual({ latencyMs: 600, down: false });
    for (const send of [health, () => fx.client.post(PROCESSOR_PATHS.payments, { amount: 0 })]) {
      const started = Date.now();
      const reply = await send();
      expect(reply.check.ok).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(590);
    }
    await fx.control.behaviour({ latencyMs: 0 });
    const started = Date.now();
    await health();
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('latency delays the answer, not the charge: a till that gives up may find the payment charged', async () => {
    await fx.control.behaviour({ latencyMs: 2_000 });
    const request = paymentRequest();
    try {
      await expect(fx.client.post(PROCESSOR_PATHS.payments, request, { timeoutMs: 300 })).rejects.toThrow();
      expect((await fx.control.ledger()).filter((e) => e.idempotencyKey === request.idempotencyKey)).toHaveLength(1);
    } finally {
      await fx.control.behaviour({ latencyMs: 0 });
    }
    expect((await fx.client.get(`${PROCESSOR_PATHS.lookup}?idempotencyKey=${request.idempotencyKey}`)).body.status).toBe('approved');
  });

  it('down refuses connections (ECONNREFUSED); up listens again on the same port', async () => {
    expect((await health()).status).toBe(200);
    expect((await fx.control.behaviour({ down: true })).body).toEqual({ latencyMs: 0, down: true });
    expect(await connectionError(health)).toBe('ECONNREFUSED');
    expect(await connectionError(() => fx.client.post(PROCESSOR_PATHS.payments, paymentRequest()))).toBe('ECONNREFUSED');
    // Switching down twice is no change.
    expect((await fx.control.behaviour({ down: true })).status).toBe(200);
    expect((await fx.control.call('GET', '/control/behaviour')).body.down).toBe(true);
    expect((await fx.control.behaviour({ down: false })).body).toEqual({ latencyMs: 0, down: false });
    const reply = await health();
    expect(reply.status).toBe(200);
    expect(new URL(fx.processor.url).port).toBe(String(fx.processor.port));
  });

  it('down also drops connections kept alive and requests in flight', async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      const socket = await new Promise<Socket>((resolve, reject) => {
        const headers = fx.client.sign('GET', PROCESSOR_PATHS.health, '');
        const req = httpRequest({ host: '127.0.0.1', port: fx.processor.port, path: PROCESSOR_PATHS.health, headers, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(req.socket!));
        });
        req.on('error', reject);
        req.end();
      });
      const closed = once(socket, 'close');
      // A request in flight (the timeout card holds it) is cut off too, as when the network goes.
      const request = paymentRequest({ card: TEST_CARDS.timeout });
      const held = fx.client.post(PROCESSOR_PATHS.payments, request).then(
        () => 'answered',
        (error: NodeJS.ErrnoException) => error.code,
      );
      await expect.poll(() => fx.logs.some((l) => l.message.startsWith('Timeout card: holding') && l.fields.idempotencyKey === request.idempotencyKey)).toBe(true);
      await fx.control.behaviour({ down: true });
      await closed;
      expect(await held).toBe('ECONNRESET');
    } finally {
      agent.destroy();
      await fx.control.behaviour({ down: false });
    }
  });

  it('refuses a malformed switch', async () => {
    for (const change of [{ latencyMs: -1 }, { latencyMs: 60_001 }, { latencyMs: 1.5 }, { down: 'yes' }, { slow: true }]) {
      expect((await fx.control.call('POST', '/control/behaviour', change)).status, JSON.stringify(change)).toBe(400);
    }
    expect((await fx.control.call('GET', '/control/behaviour')).body).toEqual({ latencyMs: 0, down: false });
  });
});

describe('the control listener', () => {
  it('refuses every route without the right admin token, and changes nothing', async () => {
    for (const token of ['', 'wrong-token', `${fx.adminToken}x`]) {
      for (const [method, route, body] of [
        ['POST', '/control/behaviour', { down: true, latencyMs: 5_000 }],
        ['GET', '/control/behaviour', undefined],
        ['GET', '/control/ledger', undefined],
        ['GET', '/control/keys', undefined],
        ['POST', '/control/keys', { terminalId: 'T9' }],
      ] as const) {
        const reply = await fx.control.call(method, route, body, token);
        expect(reply.status, `${method} ${route} with "${token}"`).toBe(401);
        expect(reply.body.error.code).toBe('unauthorized');
      }
    }
    expect((await fx.control.call('GET', '/control/behaviour')).body).toEqual({ latencyMs: 0, down: false });
    expect((await fx.control.call('GET', '/control/keys')).body.keys.some((k: { terminalId: string }) => k.terminalId === 'T9')).toBe(false);
    expect((await health()).status).toBe(200);
  });

  it('is not served on the API port', async () => {
    const reply = await fx.client.get('/control/ledger');
    expect(reply.status).toBe(404);
  });

  it('lists every ledger entry', async () => {
    const request = paymentRequest({ amount: 777 });
    await fx.client.post(PROCESSOR_PATHS.payments, request);
    const entries = await fx.control.ledger();
    const entry = entries.find((e) => e.idempotencyKey === request.idempotencyKey);
    expect(entry).toMatchObject({ kind: 'payment', terminalId: 'T1', amount: 777, currency: 'EUR', answer: { status: 'approved', amount: 777 } });
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
  });
});

describe('terminal keys', () => {
  it('provisions a key that works at once and after a restart, kept in a 0600 file, listed without its secret', async () => {
    const made = await fx.control.call('POST', '/control/keys', { terminalId: 'T4' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ terminalId: 'T4', keyId: expect.stringMatching(/^T4-/), secret: expect.any(String) });
    const client = processorClient(fx.processor.url, made.body);
    expect((await client.get(PROCESSOR_PATHS.health)).check.ok).toBe(true);

    const listed = await fx.control.call('GET', '/control/keys');
    expect(listed.body.keys).toContainEqual(expect.objectContaining({ keyId: made.body.keyId, terminalId: 'T4', source: 'file' }));
    expect(listed.body.keys).toContainEqual(expect.objectContaining({ keyId: 'T1-test', terminalId: 'T1', source: 'start' }));
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
    expect(statSync(path.join(fx.dataDir, KEYS_FILE)).mode & 0o777).toBe(0o600);

    await fx.restart();
    expect((await client.get(PROCESSOR_PATHS.health)).status).toBe(200);
    expect(JSON.stringify(fx.logs)).not.toContain(made.body.secret);
  });

  it('refuses a bad terminal id', async () => {
    for (const terminalId of ['', 't1', 'T-1', 'X'.repeat(25)]) {
      expect((await fx.control.call('POST', '/control/keys', { terminalId })).status).toBe(400);
    }
  });
});
