/**
 * `npm run bench [-- --quick] [-- --only <substring>]`: runs the benchmark suites, prints a table and writes
 * bench/results.json as [{name, value, unit}] (`--quick`: every suite at a small size, written to
 * .tmp/bench-quick.json instead, so the full figures stay). Every suite runs even when one before it fails; the
 * run then exits non-zero, naming the suites that failed. A new suite is a file in bench/suites/ plus one line in
 * SUITES.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, BenchSize, BenchSuite } from './bench-types';
import { catalogImportSuite } from './suites/catalog-import';
import { auditSuite } from './suites/audit';
import { hostLoopSuite } from './suites/host-loop';
import { paymentsSuite } from './suites/payments';
import { productsSuite } from './suites/products';
import { reportsSuite } from './suites/reports';
import { sellingSuite } from './suites/selling';
import { storageSuite } from './suites/storage';
import { syncSuite } from './suites/sync';

const SUITES: BenchSuite[] = [
  { name: 'storage', run: storageSuite },
  { name: 'selling', run: sellingSuite },
  { name: 'sync', run: syncSuite },
  { name: 'host-loop', run: hostLoopSuite },
  { name: 'payments', run: paymentsSuite },
  { name: 'reports', run: reportsSuite },
  { name: 'catalog-import', run: catalogImportSuite },
  { name: 'products', run: productsSuite },
  { name: 'audit', run: auditSuite },
];

const RESULTS_FILE: Record<BenchSize, string> = {
  full: fileURLToPath(new URL('./results.json', import.meta.url)),
  quick: fileURLToPath(new URL('../.tmp/bench-quick.json', import.meta.url)),
};

/**
 * A quick suite that has not finished by then is broken (hung), not slow: each takes seconds on a busy 2-core
 * machine. CI must end rather than wait. The full run has no limit: its suites take minutes by design.
 */
const QUICK_SUITE_LIMIT_MS = 5 * 60_000;

/** A mistake on the command line: reported as one line, without a stack. */
class UsageError extends Error {}

function selectedSuites(argv: string[]): BenchSuite[] {
  const onlyAt = argv.indexOf('--only');
  if (onlyAt === -1) return SUITES;
  const filter = argv[onlyAt + 1];
  if (!filter) throw new UsageError('--only needs a substring of a suite name, e.g. --only storage');
  const chosen = SUITES.filter((suite) => suite.name.includes(filter));
  if (chosen.length === 0) {
    throw new UsageError(`no suite matches "${filter}"; suites: ${SUITES.map((suite) => suite.name).join(', ')}`);
  }
  return chosen;
}

function checkedArgs(argv: string[]): void {
  const known = new Set(['--quick', '--only']);
  for (const [i, arg] of argv.entries()) {
    if (argv[i - 1] === '--only') continue;
    if (!known.has(arg)) throw new UsageError(`unknown argument "${arg}"; use --quick and/or --only <substring of a suite name>`);
  }
}

function printTable(results: BenchResult[]): void {
  const nameWidth = Math.max(6, ...results.map((r) => r.name.length));
  const valueWidth = Math.max(5, ...results.map((r) => formatValue(r.value).length));
  console.log(`${'metric'.padEnd(nameWidth)}  ${'value'.padStart(valueWidth)}  unit`);
  console.log(`${'-'.repeat(nameWidth)}  ${'-'.repeat(valueWidth)}  ----`);
  for (const r of results) {
    console.log(`${r.name.padEnd(nameWidth)}  ${formatValue(r.value).padStart(valueWidth)}  ${r.unit}`);
  }
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** The suite's figures, or why it failed; a quick suite is given up on after QUICK_SUITE_LIMIT_MS. */
async function runSuite(suite: BenchSuite, size: BenchSize): Promise<BenchResult[]> {
  const results = suite.run(size);
  if (size === 'full') return results;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${QUICK_SUITE_LIMIT_MS / 60_000} minutes`)), QUICK_SUITE_LIMIT_MS);
  });
  try {
    return await Promise.race([results, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<boolean> {
  const argv = process.argv.slice(2);
  checkedArgs(argv);
  const size: BenchSize = argv.includes('--quick') ? 'quick' : 'full';
  // CI reads a quick run's output for the suite that broke: the tills' info lines would bury it.
  if (size === 'quick') process.env.KASSA_LOG_LEVEL ??= 'warn';
  const results: BenchResult[] = [];
  const failed: string[] = [];
  const startedAll = performance.now();
  for (const suite of selectedSuites(argv)) {
    console.log(`running suite ${suite.name}${size === 'quick' ? ' (quick)' : ''} ...`);
    const started = performance.now();
    try {
      results.push(...(await runSuite(suite, size)));
      console.log(`suite ${suite.name} done in ${seconds(started)} s`);
    } catch (error) {
      failed.push(suite.name);
      console.error(`suite ${suite.name} FAILED after ${seconds(started)} s:`, error);
    }
  }
  if (size === 'quick') console.log('Quick run: small sizes, to prove every suite runs; these figures are not comparable with a full run.');
  printTable(results);
  console.log(`${results.length} figures from ${selectedSuites(argv).length - failed.length} suites in ${seconds(startedAll)} s`);
  if (failed.length > 0) {
    console.error(`${failed.length} suite(s) failed: ${failed.join(', ')}; ${path.relative(process.cwd(), RESULTS_FILE[size])} not written`);
    return false;
  }
  fs.mkdirSync(path.dirname(RESULTS_FILE[size]), { recursive: true });
  fs.writeFileSync(RESULTS_FILE[size], JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote ${RESULTS_FILE[size]}`);
  return true;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

main().then(
  // Safety net: a handle left open must not hang the run once the results are written. The one found so far, and
  // the likely cause of the hangs seen: the embedded server's long poll started a live feed and heartbeat for a
  // till that had stopped during its first read (fixed in server/longpoll-changes.ts). A failed suite may also
  // leave its work running: exiting ends it.
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(1);
  },
);
