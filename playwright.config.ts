import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium-path';

/**
 * Two tills in the browser host, each on its own fresh data directory under .tmp/e2e: one with demo data, one
 * empty (first run). Both are started here and stopped when the tests end.
 */
const DEMO_PORT = Number(process.env.KASSA_E2E_DEMO_PORT ?? 5291);
const EMPTY_PORT = Number(process.env.KASSA_E2E_EMPTY_PORT ?? 5292);
const run = (args: string) => `node --import tsx scripts/e2e-till.ts ${args}`;
process.env.KASSA_E2E_DEMO_URL = `http://127.0.0.1:${DEMO_PORT}/`;
process.env.KASSA_E2E_EMPTY_URL = `http://127.0.0.1:${EMPTY_PORT}/`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: '.tmp/reports/e2e.json' }]],
  use: {
    baseURL: process.env.KASSA_E2E_DEMO_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    { command: run(`--terminal E2E --port ${DEMO_PORT} --demo`), url: `${process.env.KASSA_E2E_DEMO_URL}api/health`, timeout: 60_000, reuseExistingServer: false, stdout: 'pipe' },
    { command: run(`--terminal E2E0 --port ${EMPTY_PORT} --no-demo`), url: `${process.env.KASSA_E2E_EMPTY_URL}api/health`, timeout: 60_000, reuseExistingServer: false, stdout: 'pipe' },
  ],
});
