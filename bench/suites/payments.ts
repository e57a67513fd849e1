/**
 * Payments suite: a till core on SQLite paying against the stand-in card processor (processor/, real signed HTTP on
 * loopback, its SQLite ledger), the processor answering 20 ms after each request as a network would.
 *
 * - card_checkout_online_p95_ms: p95 of 200 `checkout.pay` calls with one card tender (one scanned item), from the
 *   call until the receipt: the card attempt written down, the request signed, the processor's 20 ms, its reply
 *   verified, the sale committed. Target ≤ 40 ms.
 * - reconcile_1000_payments_s: 1,000 card payments taken offline (the processor down), then the processor back:
 *   from the moment it answers until every one is forwarded and captured. Target ≤ 10 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open-database';
import { createLogger } from '../../electron/core/log';
import { createHttpProcessor } from '../../electron/core/payments/http-processor';
import { createTillCoreOn, type LocalTillCore } from '../../electron/core/till-core';
import { openTempProcessor } from '../../processor/test-support/temp-processor';
import { newSigningKey } from '../../shared/payments/signature';
import type { BenchResult, BenchSize } from '../bench-types';
import { percentile } from '../support/product-db';

const LATENCY_MS = 20;
const SIZES = {
  full: { checkouts: 200, warmup: 20, queued: 1_000 },
  quick: { checkouts: 20, warmup: 5, queued: 50 },
} satisfies Record<BenchSize, unknown>;
type Sizes = (typeof SIZES)[BenchSize];
const CHANNEL = 'bench';

export async function paymentsSuite(size: BenchSize): Promise<BenchResult[]> {
  const sizes = SIZES[size];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-payments-'));
  const key = { ...newSigningKey('BENCH-key'), terminalId: 'BENCH' };
  const processor = await openTempProcessor({ keys: [key], log: () => undefined });
  await processor.control.behaviour({ latencyMs: LATENCY_MS });
  const core = await createTillCoreOn(await openDatabase({ dataDir }), {
    dataDir,
    terminalId: 'BENCH',
    demo: true,
    demoProducts: 200,
    processor: createHttpProcessor({ url: processor.processor.url, key, timeoutMs: 5_000, log: createLogger('bench-processor') }),
    paymentTiming: { minBackoffMs: 50, maxBackoffMs: 200, idleMs: 60_000 },
  });
  try {
    await must(core, 'auth.login', { username: 'maria', secret: '4321' });
    const barcode = ((await must(core, 'catalog.search', { query: '', limit: 5 })).items as { barcode: string }[]).find((p) => p.barcode)!.barcode;
    const online = await onlineCheckouts(core, barcode, sizes);
    const reconcileSeconds = await reconcile(core, processor, barcode, sizes);
    return [
      { name: 'card_checkout_online_p95_ms', value: round2(percentile(online, 95)), unit: 'ms' },
      { name: 'reconcile_1000_payments_s', value: round2(reconcileSeconds), unit: 's' },
    ];
  } finally {
    await core.close();
    await processor.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function must(core: LocalTillCore, name: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await core.dispatch(CHANNEL, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

async function cardSale(core: LocalTillCore, barcode: string): Promise<number> {
  const cart = await must(core, 'cart.scan', { code: barcode });
  const started = performance.now();
  await must(core, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'card', amount: cart.total }] });
  return performance.now() - started;
}

async function onlineCheckouts(core: LocalTillCore, barcode: string, { warmup, checkouts }: Sizes): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmup + checkouts; i++) {
    const ms = await cardSale(core, barcode);
    if (i >= warmup) times.push(ms);
  }
  return times;
}

async function reconcile(core: LocalTillCore, processor: Awaited<ReturnType<typeof openTempProcessor>>, barcode: string, { queued }: Sizes): Promise<number> {
  await must(core, 'payments.setOfflineCards', { enabled: true, perPaymentCap: 100_000, terminalCap: 100_000_000 });
  await processor.control.behaviour({ down: true });
  for (let i = 0; i < queued; i++) await cardSale(core, barcode);
  await core.settled();
  const waiting = async () => ((await must(core, 'payments.status', {})).waiting as { count: number }).count;
  if ((await waiting()) !== queued) throw new Error(`expected ${queued} payments waiting, found ${await waiting()}`);
  await processor.control.behaviour({ down: false });
  const started = performance.now();
  // The next pass starts within the reconciler's backoff (≤ 200 ms here): counted, as a till would wait it too.
  while ((await waiting()) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (performance.now() - started > 300_000) throw new Error('forwarding did not finish within 5 minutes');
  }
  return (performance.now() - started) / 1000;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
