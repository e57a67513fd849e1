/**
 * The till is SIGKILLed at random moments while it forwards card payments it took offline, and started again each
 * time: 12 times in `npm test`, 50 in `npm run test:chaos`, each within a time budget (chaos-budget.ts). Then it
 * forwards what is left undisturbed. The processor's own ledger must show every payment charged exactly once — none
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
import { chaosPlan, reportShortfall } from '../test-support/chaos-budget';
import { chargesIn } from './test-support/stand-in-processor';

const STREAM = fileURLToPath(new URL('./test-support/forward-stream.ts', import.meta.url));
// Measured on a 2-core machine at load 12–18: set-up ~12 s for 70 payments, a killed run ~2.5–3.5 s (quick: 12 kills
// in 28 s; full: 50 kills in 179 s), the undisturbed run forwarding the rest a few seconds. About one payment goes
// through a run (below), so with twice as many payments as kills forwarding is not done before the last kill.
const PLAN = chaosPlan({
  quick: { payments: 30, kills: 12, budgetMs: 60_000, aroundMs: 90_000 },
  full: { payments: 120, kills: 50, budgetMs: 480_000, aroundMs: 180_000 },
});
/** A kill lands 0–KILL_WINDOW ms after forwarding starts: about 0.8 payments a run on an idle machine. */
const KILL_WINDOW_MS = 270;

let till: SellingTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

/** Runs the forwarding till; kills it `delayMs` after it starts forwarding (null: never). Resolves with how it ended. */
function forwardUntilKilled(bundle: string, dataDir: string, delayMs: number | null): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KASSA_LOG_LEVEL: 'error' } });
    let done = false;
    let armed = false;
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (chunk.includes('done')) done = true;
      if (!armed && delayMs !== null && chunk.includes('forwarding')) {
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
  it('charges every one exactly once, however often the till dies on the way', { timeout: PLAN.timeoutMs }, async () => {
    till = await openSellingTill();
    const standIn = till.standIn!;
    await loginAs(till, 'maria');
    await till.must(TILL, 'payments.setOfflineCards', { enabled: true, perPaymentCap: 100_000, terminalCap: 10_000_000 });
    await standIn.temp.control.behaviour({ down: true });
    const amounts: number[] = [];
    for (let i = 0; i < PLAN.payments; i++) {
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
    const budget = PLAN.start();
    // One payment at a time, ~45 ms each (and a look-up of the one a kill cut off). On a busy machine a payment takes
    // longer than the whole window and every kill lands before the first one is through: the window widens while
    // runs forward nothing and narrows with each payment they do, so about one goes through a run on any machine.
    let window = KILL_WINDOW_MS;
    let chargedSoFar = 0;
    let ended: 'killed' | 'done' = 'killed';
    while (budget.more()) {
      ended = await forwardUntilKilled(bundle, dataDir, random.int(window));
      if (ended === 'done') break;
      budget.killed();
      const now = chargesIn(await standIn.temp.control.ledger()).size;
      window = now > chargedSoFar ? Math.max(KILL_WINDOW_MS, window / 1.5 ** (now - chargedSoFar)) : Math.min(10_000, window * 1.5);
      chargedSoFar = now;
    }
    // The kills are over: the till forwards what is left, undisturbed.
    if (ended !== 'done') expect(await forwardUntilKilled(bundle, dataDir, null)).toBe('done');
    reportShortfall(budget, 'forwarding crash');
    expect(budget.kills, `${budget.describe()}: forwarding finished too early? queue more payments`).toBeGreaterThanOrEqual(budget.required);

    const ledger = await standIn.temp.control.ledger();
    const payments = ledger.filter((r) => r.kind === 'payment');
    // One ledger row per key: no payment reached the processor twice as a new charge.
    expect(new Set(payments.map((r) => r.idempotencyKey)).size).toBe(payments.length);
    const charged = chargesIn(ledger);
    expect(charged.size).toBe(PLAN.payments);
    expect([...charged.values()].sort()).toEqual([...amounts].sort());

    await till.reopen();
    const books = (await till.db.payments.find().exec()).map((d) => d.toMutableJSON() as PaymentDoc).filter((p) => p.method === 'card');
    expect(books.map((p) => p.status)).toEqual(Array(PLAN.payments).fill('captured'));
    expect(new Map(books.map((p) => [p.idempotencyKey, p.amount]))).toEqual(charged);
  });
});
