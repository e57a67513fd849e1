import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium-path';

/**
 * Two tills in the browser host, each on its own fresh data directory under .tmp/e2e: one with demo data, one
 * empty (first run). Both are started here and stopped when the tests end.
 */
const DEMO_PORT = Number(process.env.KASSA_E2E_DEMO_PORT ?? 5291);
const EMPTY_PORT = Number(process.env.KASSA_E2E_EMPTY_PORT ?? 5292);
/**
 * Card payments: the stand-in processor, started here; every till gets a key of its own from it (scripts/e2e-till.ts)
 * and tests switch it off and on through its control listener.
 */
const PROCESSOR_PORT = Number(process.env.KASSA_E2E_PROCESSOR_PORT ?? 5296);
const PROCESSOR_CONTROL_PORT = Number(process.env.KASSA_E2E_PROCESSOR_CONTROL_PORT ?? 5297);
const PROCESSOR_ADMIN_TOKEN = 'e2e-processor-admin-token';
const PROCESSOR_DATA_DIR = '.tmp/e2e/processor';
process.env.KASSA_E2E_PROCESSOR_CONTROL_URL = `http://127.0.0.1:${PROCESSOR_CONTROL_PORT}/`;
process.env.KASSA_E2E_PROCESSOR_ADMIN_TOKEN = PROCESSOR_ADMIN_TOKEN;
const processorFlags = `--processor-port ${PROCESSOR_PORT} --processor-control-port ${PROCESSOR_CONTROL_PORT} --processor-data-dir ${PROCESSOR_DATA_DIR}`;
const processor = {
  command: `node --import tsx processor/run-processor.ts --port ${PROCESSOR_PORT} --control-port ${PROCESSOR_CONTROL_PORT} --data-dir ${PROCESSOR_DATA_DIR}`,
  // Any answer will do: an unsigned request gets a 401 from a processor that is up.
  url: `http://127.0.0.1:${PROCESSOR_PORT}/v1/health`,
  env: { KASSA_PROCESSOR_ADMIN_TOKEN: PROCESSOR_ADMIN_TOKEN },
  timeout: 60_000,
  reuseExistingServer: false,
  stdout: 'pipe' as const,
};
const tillEnv = { KASSA_PROCESSOR_ADMIN_TOKEN: PROCESSOR_ADMIN_TOKEN };
const run = (args: string) => `node --import tsx scripts/e2e-till.ts ${processorFlags} ${args}`;
process.env.KASSA_E2E_DEMO_URL = `http://127.0.0.1:${DEMO_PORT}/`;
process.env.KASSA_E2E_EMPTY_URL = `http://127.0.0.1:${EMPTY_PORT}/`;

/**
 * Sync (e2e/sync.spec.ts): the embedded sync server in memory and two demo tills paired with it, each with its own
 * terminal account (manager terminals, since demo tills upload the demo catalog and users).
 */
const SYNC_PORT = Number(process.env.KASSA_E2E_SYNC_SERVER_PORT ?? 5293);
const SYNC_TILLS = [
  { terminal: 'E2ES1', port: Number(process.env.KASSA_E2E_SYNC1_PORT ?? 5294), password: 'e2e-sync-one' },
  { terminal: 'E2ES2', port: Number(process.env.KASSA_E2E_SYNC2_PORT ?? 5295), password: 'e2e-sync-two' },
];
const syncServerUrl = `http://127.0.0.1:${SYNC_PORT}/`;
process.env.KASSA_E2E_SYNC1_URL = `http://127.0.0.1:${SYNC_TILLS[0]!.port}/`;
process.env.KASSA_E2E_SYNC2_URL = `http://127.0.0.1:${SYNC_TILLS[1]!.port}/`;
const syncServer = {
  command: `node --import tsx server/run-server.ts --memory --port ${SYNC_PORT} ${SYNC_TILLS.map((t) => `--terminal ${t.terminal} --password ${t.password} --manager`).join(' ')}`,
  url: syncServerUrl,
  timeout: 60_000,
  reuseExistingServer: false,
  stdout: 'pipe' as const,
};
const syncTills = SYNC_TILLS.map((t) => ({
  command:
    `node --import tsx e2e/support/wait-for-account.ts ${syncServerUrl} kassa_${t.terminal} ${t.password} && ` +
    run(`--terminal ${t.terminal} --port ${t.port} --demo --couch-url http://kassa_${t.terminal}:${t.password}@127.0.0.1:${SYNC_PORT}/`),
  url: `http://127.0.0.1:${t.port}/api/health`,
  env: tillEnv,
  timeout: 90_000,
  reuseExistingServer: false,
  stdout: 'pipe' as const,
}));

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
    processor,
    { command: run(`--terminal E2E --port ${DEMO_PORT} --demo`), url: `${process.env.KASSA_E2E_DEMO_URL}api/health`, env: tillEnv, timeout: 60_000, reuseExistingServer: false, stdout: 'pipe' },
    { command: run(`--terminal E2E0 --port ${EMPTY_PORT} --no-demo`), url: `${process.env.KASSA_E2E_EMPTY_URL}api/health`, env: tillEnv, timeout: 60_000, reuseExistingServer: false, stdout: 'pipe' },
    syncServer,
    ...syncTills,
  ],
});
