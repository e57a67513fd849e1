/**
 * The till is SIGKILLed at random moments while it forwards card payments it took offline, 50 times and more, and
 * started again each time. The processor's own ledger must show every one of them charged exactly once — none
 * lost, none twice — and the till's books must agree.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentDoc } from '../../../shared/model';
import { PROCESSOR_KEY_FILE, processorCredentialsText } from '../../../shared/payments/processor-credentials';
import { createSeededRandom } from '../../../shared/catalog/seeded-random';
import { loginAs, openSellingTill, TILL, COFFEE, type SellingTill } from '../selling/test-support/selling-till';
import { bundleScript } from '../test-support/bundled-script';
import { chargesIn } from './test-support/stand-in-processor';

const STREAM = fileURLToPath(new URL('./test-support/forward-stream.ts', import.meta.url));
const PAYMENTS = 70;
const MIN_KILLS = 50;

let till: SellingTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

/** Runs the forwarding till; kills it `delayMs` after it starts forwarding. Resolves with how it ended. */
function forwardUntilKilled(bundle: string, dataDir: string, delayMs: number): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KASSA_LOG_LEVEL: 'error' } });
    let done = false;
    let armed = false;
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (chunk.includes('done')) done = true;
      if (!armed && chunk.includes('forwarding')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (done) resolve('done');
      else if (signal === 'SIGKILL') resolve('killed');
      else reject(new Error(`the forwarding till ended on its own (${code}): ${stderr}`));
    });
  });
}

describe('SIGKILL while forwarding card payments taken offline', () => {
  it('charges every one exactly once, however often the till dies on the way', { timeout: 300_000 }, async () => {
    till = await openSellingTill();
    const standIn = till.standIn!;
    await loginAs(till, 'maria');
    await till.must(TILL, 'payments.setOfflineCards', { enabled: true, perPaymentCap: 100_000, terminalCap: 10_000_000 });
    await standIn.temp.control.behaviour({ down: true });
    const amounts: number[] = [];
    for (let i = 0; i < PAYMENTS; i++) {
      const cart = await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
      await till.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: cart.total }] });
      amounts.push(cart.total);
    }
    const dataDir = till.dataDir;
    await till.core.close();
    // The child finds the processor the way a till does, and the processor now answers slowly: kills land mid-request.
    const { keyId, secret } = (await standIn.temp.control.call('POST', '/control/keys', { terminalId: 'T1' })).body as { keyId: string; secret: string };
    writeFileSync(path.join(dataDir, PROCESSOR_KEY_FILE), processorCredentialsText({ url: standIn.temp.processor.url, keyId, secret }), { mode: 0o600 });
    await standIn.temp.control.behaviour({ down: false, latencyMs: 40 });

    const bundle = await bundleScript(STREAM);
    const random = createSeededRandom(20261202);
    let kills = 0;
    // One payment at a time, ~45 ms each (and a look-up of the one a kill cut off), a kill 0–270 ms into each run:
    // measured, about 0.8 payments a run, so 70 payments take well over 50 kills.
    while ((await forwardUntilKilled(bundle, dataDir, random.int(270))) === 'killed') {
      kills += 1;
      if (kills > 1_000) throw new Error('forwarding never finished');
    }
    expect(kills, 'forwarding finished before the till was killed 50 times: slow the processor down').toBeGreaterThanOrEqual(MIN_KILLS);

    const ledger = await standIn.temp.control.ledger();
    const payments = ledger.filter((r) => r.kind === 'payment');
    // One ledger row per key: no payment reached the processor twice as a new charge.
    expect(new Set(payments.map((r) => r.idempotencyKey)).size).toBe(payments.length);
    const charged = chargesIn(ledger);
    expect(charged.size).toBe(PAYMENTS);
    expect([...charged.values()].sort()).toEqual([...amounts].sort());

    await till.reopen();
    const books = (await till.db.payments.find().exec()).map((d) => d.toMutableJSON() as PaymentDoc).filter((p) => p.method === 'card');
    expect(books.map((p) => p.status)).toEqual(Array(PAYMENTS).fill('captured'));
    expect(new Map(books.map((p) => [p.idempotencyKey, p.amount]))).toEqual(charged);
  });
});
