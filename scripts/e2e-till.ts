/** A till for the e2e tests: a brand-new data directory each run, removed when the process ends. */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { runBrowserHost } from '../electron/host/run-browser-host';
import { resolveTillConfig } from '../electron/host/till-config';

const root = path.resolve('.tmp/e2e');
mkdirSync(root, { recursive: true });
const dataDir = mkdtempSync(path.join(root, 'till-'));
const config = { ...resolveTillConfig(process.argv.slice(2), { KASSA_LOG_LEVEL: 'warn' }, process.cwd()), dataDir, demoProducts: 500 };
const { host, stop } = await runBrowserHost(config);
process.stdout.write(`Till UI: ${host.url} (e2e, data in ${dataDir})\n`);
const finish = () =>
  stop()
    .catch(() => undefined)
    .finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
process.once('SIGTERM', finish);
process.once('SIGINT', finish);
