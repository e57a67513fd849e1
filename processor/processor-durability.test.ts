/**
 * The processor is SIGKILLed in the middle of a stream of payments and refunds, several times (4 in `npm test`, 12 in
 * `npm run test:chaos`, within a time budget: electron/core/test-support/chaos-budget.ts), on one data directory. Every answer a till received before the kill is in the ledger afterwards, byte for byte; asked again
 * after the restart, each key gets that same answer, and no key was charged twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESSOR_PATHS, TEST_CARDS, type PaymentRequest, type RefundRequest } from '../shared/payments/processor-api';
import { signingKeyOf } from '../shared/payments/processor-credentials';
import { chaosPlan, killPoints, reportShortfall } from '../electron/core/test-support/chaos-budget';
import { openLedger } from './ledger';
import { startProcessor } from './processor-server';
import { processorClient } from './test-support/processor-client';
import { killLeftoverProcessors, startProcessorProcess } from './test-support/processor-cli';
import { paymentRequest, refundRequest } from './test-support/requests';
import { readTillKey } from './till-key-file';

const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kassa-${name}-`));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await killLeftoverProcessors();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const KILL_AFTER = [9, 25, 1, 16];
// Measured on a 2-core machine at load ~13: the four kills and the checks in ~9 s.
const PLAN = chaosPlan({
  quick: { killAfter: KILL_AFTER, kills: KILL_AFTER.length, budgetMs: 30_000, aroundMs: 90_000 },
  full: { killAfter: [...KILL_AFTER, ...killPoints(8, 30, 9)], kills: 12, budgetMs: 120_000, aroundMs: 60_000 },
});

const CARDS = [TEST_CARDS.approve, TEST_CARDS.approve, TEST_CARDS.decline, TEST_CARDS.insufficientFunds, TEST_CARDS.failAfterCharge];

interface Received {
  path: string;
  request: PaymentRequest | RefundRequest;
  /** The answer's bytes, or null for the failAfterCharge 500 (its charge must be found by lookup). */
  text: string | null;
}

describe('SIGKILL during a stream of payments', () => {
  it('keeps every answer given, and charges no key twice', async () => {
    const dataDir = tempDir('processor');
    const tillDir = tempDir('till');
    const received: Received[] = [];
    const keyIds = new Set<string>();
    let counter = 0;
    let answersBeforeKills = 0;

    const budget = PLAN.start();
    for (const killAfter of PLAN.killAfter) {
      if (!budget.more()) break;
      const run = await startProcessorProcess(['--port', '0', '--control-port', '0', '--data-dir', dataDir, '--terminal', 'T1', '--till-data-dir', tillDir]);
      const saved = readTillKey(tillDir)!;
      keyIds.add(saved.keyId);
      const client = processorClient(run.url, signingKeyOf(saved));
      let answers = 0;
      let killed = false;
      const note = (entry: Received) => {
        received.push(entry);
        if (++answers === killAfter) {
          // In the same tick as the answer arrived: whatever the processor did after it is cut off.
          killed = run.child.kill('SIGKILL');
        }
      };
      const worker = async () => {
        while (!killed) {
          const request = paymentRequest({ card: CARDS[counter++ % CARDS.length]!, amount: 1000 + (counter % 50) * 2 });
          try {
            const paid = await client.post(PROCESSOR_PATHS.payments, request);
            note({ path: PROCESSOR_PATHS.payments, request, text: paid.status === 200 ? paid.text : null });
            if (paid.status !== 200 || paid.body.status !== 'approved' || killed) continue;
            const refund = refundRequest(paid.body.reference, { amount: 500 });
            const refunded = await client.post(PROCESSOR_PATHS.refunds, refund);
            note({ path: PROCESSOR_PATHS.refunds, request: refund, text: refunded.text });
          } catch {
            return; // the connection died with the process
          }
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      expect(await run.exited, run.stderr()).toEqual({ code: null, signal: 'SIGKILL' });
      budget.killed();
      answersBeforeKills += killAfter;

      // Straight after the kill, in the file itself: every answer received is there, byte for byte.
      const ledger = openLedger(dataDir);
      try {
        for (const r of received) {
          const entry = ledger.byKey(r.request.idempotencyKey);
          expect(entry, r.request.idempotencyKey).not.toBeNull();
          if (r.text !== null) expect(entry!.answerText).toBe(r.text);
          else expect(entry!.answer.status).toBe('approved');
        }
      } finally {
        ledger.close();
      }
    }
    reportShortfall(budget, 'processor durability');
    expect(budget.kills, budget.describe()).toBeGreaterThanOrEqual(budget.required);
    expect(received.length).toBeGreaterThanOrEqual(answersBeforeKills);
    expect(keyIds.size).toBe(1);

    // Restarted: the same keys get the same answers, and each key is in the ledger once.
    const processor = await startProcessor({ dataDir, adminToken: 'test', log: () => undefined });
    try {
      const client = processorClient(processor.url, signingKeyOf(readTillKey(tillDir)!));
      const before = openLedger(dataDir);
      const count = before.entries().length;
      before.close();
      for (const r of received) {
        const again = await client.post(r.path, r.request);
        expect(again.status).toBe(200);
        if (r.text !== null) expect(again.text).toBe(r.text);
        else expect(again.body).toMatchObject({ status: 'approved', idempotencyKey: r.request.idempotencyKey });
      }
      const ledger = openLedger(dataDir);
      const entries = ledger.entries();
      ledger.close();
      expect(entries.length).toBe(count);
      expect(new Set(entries.map((e) => e.idempotencyKey)).size).toBe(entries.length);
      // Never more refunded than captured.
      for (const payment of entries.filter((e) => e.kind === 'payment' && e.answer.status === 'approved')) {
        const reference = payment.answer.status === 'approved' ? payment.answer.reference : '';
        const refunded = entries.filter((e) => e.paymentReference === reference && e.answer.status === 'approved').reduce((sum, e) => sum + (e.amount ?? 0), 0);
        expect(refunded).toBeLessThanOrEqual(payment.amount!);
      }
    } finally {
      await processor.close();
    }
  }, PLAN.timeoutMs);
});
