/**
 * Catalog import suite: a manager imports a 100,000-product CSV (the generated catalog as the export writes it) into
 * a till core on SQLite (demo users and categories, no products), through the core's dispatcher as the screen
 * calls it: start, the file in 256 Ki-character chunks, finish (every row checked), commit.
 *
 * - csv_import_100k_s: from the first chunk until the catalog search finds the file's last product: parsed,
 *   validated, stored and indexed. Target ≤ 20 s.
 * - csv_import_command_max_ms: the slowest answer, counted from when it was due, to a `catalog.search` due every
 *   25 ms during the import (a terminal has one session, so the manager's own screen asks; any command waits the
 *   same way).
 * - csv_import_loop_delay_max_ms: the longest the event loop was held during the import (perf_hooks histogram).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generatedCatalogCsv, sendFile } from '../../electron/core/catalog/test-support/import-file';
import { openDatabase } from '../../electron/core/db/open-database';
import { createTillCoreOn, type LocalTillCore } from '../../electron/core/till-core';
import type { CommandInput, CommandName, CommandResult } from '../../shared/api/contract';
import type { BenchResult, BenchSize } from '../bench-types';

const PRODUCTS: Record<BenchSize, number> = { full: 100_000, quick: 2_000 };
const PROBE_MS = 25;

export async function catalogImportSuite(size: BenchSize): Promise<BenchResult[]> {
  const products = PRODUCTS[size];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-import-'));
  const text = generatedCatalogCsv(products);
  const lastSku = /\r\n[^,]*,([^,]+),[^\r\n]*\r\n$/.exec(text)![1]!;
  const core = await createTillCoreOn(await openDatabase({ dataDir }), { dataDir, terminalId: 'BENCH', demo: true, demoProducts: 0 });
  let probe: ReturnType<typeof startProbe> | null = null;
  try {
    await must(core, 'manager', 'auth.login', { username: 'maria', secret: '4321' });
    probe = startProbe(core);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    const report = await sendFile(core, 'manager', text, `catalog-${products}.csv`);
    if (report.bad > 0 || report.fileProblems.length > 0) throw new Error(`the generated file has problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
    const done = await must(core, 'manager', 'catalogImport.commit', { jobId: report.jobId, mode: 'clean' });
    if (done.state !== 'done' || done.written !== products) throw new Error(`import ended ${done.state} with ${done.written} written: ${done.stopReason}`);
    while ((await must(core, 'manager', 'catalog.search', { query: lastSku, limit: 1 })).items[0]?.sku !== lastSku) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    const slowest = await probe.stop();
    console.log(`  ${products} rows: checked ${report.rows}, written ${done.written}; ${probe.calls()} searches answered meanwhile`);
    return [
      { name: 'csv_import_100k_s', value: seconds, unit: 's' },
      { name: 'csv_import_command_max_ms', value: slowest, unit: 'ms' },
      { name: 'csv_import_loop_delay_max_ms', value: loop.max / 1e6, unit: 'ms' },
    ];
  } finally {
    await probe?.stop();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function must<K extends CommandName>(core: LocalTillCore, channel: string, name: K, input: CommandInput<K>): Promise<CommandResult<K>> {
  const result = await core.dispatch(channel, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as CommandResult<K>;
}

/** A search every PROBE_MS while the import runs: the slowest answer. */
function startProbe(core: LocalTillCore) {
  let running = true;
  let slowest = 0;
  let calls = 0;
  // Stops at the first refusal (the suite failing closes the core): the suite's own error is the one to see.
  // Timed from when the search is due, not from when the loop got round to sending it: a screen's request waits
  // for a held event loop just the same.
  const loop = (async () => {
    let due = performance.now();
    while (running) {
      const answer = await core.dispatch('manager', 'catalog.search', { query: 'milk', limit: 20 });
      if (!answer.ok) break;
      slowest = Math.max(slowest, performance.now() - due);
      calls++;
      due = performance.now() + PROBE_MS;
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
    }
  })();
  return {
    calls: () => calls,
    async stop() {
      running = false;
      await loop;
      return slowest;
    },
  };
}
