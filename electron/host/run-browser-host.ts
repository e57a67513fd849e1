/**
 * Starts one till in plain Node: the browser host on 127.0.0.1 in this process, and the till core on its data
 * directory in a process of its own (restarted if it dies), so nothing the core does stalls the screen's requests.
 * Used by `npm start` where Electron's binary is missing, by `npm run till`, and by the e2e tests.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../core/log';
import { forkNodeCore } from '../core/process/core-link';
import { startSupervisedCore } from '../core/process/core-supervisor';
import { startBrowserHost } from './browser-host';
import { resolveTillConfig, type TillConfig } from './till-config';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function runBrowserHost(config: TillConfig, staticDir = path.join(projectRoot, 'dist/renderer')) {
  const log = createLogger(`host:${config.terminalId}`);
  const core = await startSupervisedCore({
    spawn: () => forkNodeCore(),
    options: {
      dataDir: config.dataDir,
      terminalId: config.terminalId,
      demo: config.demo,
      demoProducts: config.demoProducts,
      sync: { url: config.couchUrl, prefix: config.dbPrefix, credentials: { kind: 'file' } },
    },
    log,
  });
  const health = () => ({ core: { ...core.coreState, pid: core.pid } });
  const greeting = () => [{ event: 'core.state' as const, payload: core.coreState }];
  const host = await startBrowserHost({ core, port: config.port, staticDir, log, health, greeting }).catch(async (error: unknown) => {
    await core.close();
    throw error;
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await core.close();
  };
  return { host, core, stop };
}

async function main(): Promise<void> {
  const config = resolveTillConfig(process.argv.slice(2), process.env, process.cwd());
  const { host, stop } = await runBrowserHost(config);
  process.stdout.write(`Till UI: ${host.url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`Kassa could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
