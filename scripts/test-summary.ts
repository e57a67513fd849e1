/** Prints one closing line for the whole `npm test` run from vitest's and Playwright's JSON reports. */
import { readFileSync } from 'node:fs';

interface Counts { passed: number; failed: number; skipped: number }

function vitestCounts(report: { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }): Counts {
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(report: { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }): Counts {
  const s = report.stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = 'numPassedTests' in report ? vitestCounts(report) : playwrightCounts(report);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
process.stdout.write(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(total.failed > 0 ? 1 : 0);
