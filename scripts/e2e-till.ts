/** A till for the e2e tests: a brand-new data directory each run, removed when the process ends. */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { runBrowserHost } from '../electron/host/run-browser-host';
import { resolveTillConfig } from '../electron/host/till-config';

const root = path.resolve('.tmp/e2e');
mkdirSync(root, { recursive: true });
const dataDir = mkdtempSync(path.join(root, 'till-'));
const config = { ...resolveTillConfig(process.argv.slice(2), { KASSA_LOG_LEVEL: 'warn' }, process.cwd()), dataDir, demoProducts: 500 };
// Cards go to the stand-in processor the e2e run started (playwright.config.ts), with a key of this till's own.
if (config.embeddedProcessor) {
  const { ensureDevProcessor } = await import('../processor/dev-processor');
  // The run starts the processor beside the tills: wait for it rather than start a second one.
  const health = `http://127.0.0.1:${config.processorPort}/v1/health`;
  for (const deadline = Date.now() + 60_000; ; ) {
    const answered = await fetch(health, { signal: AbortSignal.timeout(2_000) }).then(() => true, () => false);
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`The e2e card processor did not answer at ${health}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const processor = await ensureDevProcessor({
    port: config.processorPort,
    controlPort: config.processorControlPort,
    dataDir: config.processorDataDir,
    terminalId: config.terminalId,
    tillDataDir: dataDir,
    say: () => undefined,
  });
  // A till for people starts without cards; the e2e tests take cards, so here that is a broken run.
  if (processor.problem) throw new Error(`The e2e card processor cannot be used: ${processor.problem}`);
}
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
