/**
 * `npm run bench [-- --only <substring>]`: runs the benchmark suites, prints a table and writes
 * bench/results.json as [{name, value, unit}]. A new suite is a file in bench/suites/ plus one line in SUITES.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchResult, BenchSuite } from './bench-types';
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

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));

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

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  for (const suite of selectedSuites(process.argv.slice(2))) {
    console.log(`running suite ${suite.name} ...`);
    const started = performance.now();
    results.push(...(await suite.run()));
    console.log(`suite ${suite.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  printTable(results);
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote ${RESULTS_FILE}`);
}

main().then(
  // Safety net: a handle left open must not hang the run once the results are written. The one found so far, and
  // the likely cause of the hangs seen: the embedded server's long poll started a live feed and heartbeat for a
  // till that had stopped during its first read (fixed in server/longpoll-changes.ts).
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(1);
  },
);
