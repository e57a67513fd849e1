/**
 * Durability: a writer process is SIGKILLed right after it reported a committed bulkWrite (3 times in `npm test`, 12
 * in `npm run test:chaos`, within a time budget: chaos-budget.ts). Every batch it reported must be on disk when the
 * file is reopened, and no batch may be there in part. Also: a second process cannot open a file that one process
 * holds.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { RxStorage } from 'rxdb';
import { getRxStorageSQLite } from './sqlite-storage';
import { durabilityInstance, durableSchema } from './test-support/durability-schema';
import type { DurableInstance, DurableRecord } from './test-support/durability-schema';
import { createPrng } from './test-support/seeded-prng';
import { chaosPlan, reportShortfall } from '../test-support/chaos-budget';
import { runKilledAfterReports, type KilledRun } from '../test-support/kill-after-reports';
import { makeTempDir, removeTempDir } from './test-support/temp-dir';

const WRITER = fileURLToPath(new URL('./test-support/durability-writer.ts', import.meta.url));
const DOCS_PER_BATCH = 400;
// Measured on a 2-core machine at load ~11: three rounds in ~5 s.
const PLAN = chaosPlan({
  quick: { kills: 3, budgetMs: 30_000, aroundMs: 30_000 },
  full: { kills: 12, budgetMs: 120_000, aroundMs: 30_000 },
});
const SEED = 4242;

let directory: string;
beforeEach(() => {
  directory = makeTempDir('durability');
});
afterEach(() => removeTempDir(directory));

interface WriterRun extends Omit<KilledRun, 'reported'> {
  /** The batches it reported committed. */
  reported: number[];
}

/** Starts the writer; SIGKILLs it in the same tick it reports its `killAfter`-th commit (0: let it fail alone). */
async function runWriter(killAfter: number): Promise<WriterRun> {
  const run = await runKilledAfterReports(WRITER, [directory, String(DOCS_PER_BATCH)], /^committed (\d+)$/, killAfter);
  return { ...run, reported: run.reported.map(Number) };
}

async function batchesOnDisk(instance: DurableInstance): Promise<{ lastBatch: number; sizes: Map<number, number> }> {
  const [ledger] = await instance.findDocumentsById(['ledger'], false);
  const query = normalizeMangoQuery<DurableRecord>(durableSchema, {
    selector: { batch: { $gte: 0 } },
  });
  const { documents } = await instance.query(prepareQuery(durableSchema, query));
  const sizes = new Map<number, number>();
  for (const doc of documents) sizes.set(doc.batch, (sizes.get(doc.batch) ?? 0) + 1);
  return { lastBatch: ledger?.lastBatch ?? -1, sizes };
}

describe('SQLite storage durability', () => {
  it('keeps every reported batch through SIGKILL, and never half a batch', { timeout: PLAN.timeoutMs }, async () => {
    const prng = createPrng(SEED);
    const storage = getRxStorageSQLite({ directory }) as RxStorage<unknown, unknown>;
    let reportedSoFar = -1;
    const budget = PLAN.start();
    while (budget.more()) {
      const run = await runWriter(prng.int(2, 8));
      expect(run.signal, `writer should be killed, exited ${run.code}: ${run.stderr}`).toBe('SIGKILL');
      budget.killed();
      const lastReported = run.reported.at(-1) ?? reportedSoFar;
      expect(run.reported[0]).toBe(reportedSoFar + 1);

      const instance = await durabilityInstance(storage);
      const { lastBatch, sizes } = await batchesOnDisk(instance);
      await instance.close();

      expect(lastBatch).toBeGreaterThanOrEqual(lastReported);
      // Batches 0..lastBatch complete, nothing beyond: receipts and the ledger committed together.
      expect([...sizes.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: lastBatch + 1 }, (_, i) => i));
      for (const [batch, size] of sizes) expect(size, `batch ${batch}`).toBe(DOCS_PER_BATCH);
      reportedSoFar = lastBatch;
    }
    reportShortfall(budget, 'storage durability');
    expect(budget.kills, budget.describe()).toBeGreaterThanOrEqual(budget.required);
  });

  it('refuses a second process while one holds the database file', async () => {
    const instance = await durabilityInstance(getRxStorageSQLite({ directory }) as RxStorage<unknown, unknown>);
    try {
      const run = await runWriter(0);
      expect(run.code).toBe(1);
      expect(run.reported).toEqual([]);
      expect(run.stderr).toContain('in use by another process');
    } finally {
      await instance.close();
    }
  });
});
