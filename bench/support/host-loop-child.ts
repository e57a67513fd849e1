/**
 * Run in a fresh process by the host-loop suite: a till as `npm start` runs it (the browser host), with this
 * process's event loop watched by `perf_hooks.monitorEventLoopDelay` from before the core starts. The parent drives
 * the till over HTTP and sends 'report'; this process answers with the loop's longest delay and stops.
 *
 * `shipped`: runBrowserHost, the path `npm start` takes. `in-process`: the core built on this process's own loop
 * (createTillCore + startBrowserHost), as the till ran before the core had a process of its own — for comparison.
 *
 * Usage (forked with IPC): host-loop-child.ts <shipped|in-process> <JSON TillConfig>
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserHost } from '../../electron/host/browser-host';
import type { TillConfig } from '../../electron/host/till-config';

export interface HostLoopReport {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  /** The five longest stalls seen by a 5 ms probe timer: when (ms after the monitor started) and how long. */
  longest: { atMs: number; ms: number }[];
  /** When the till was ready to serve (ms after the monitor started). */
  readyAtMs: number;
  /** CPU time this process used in all (user + system), ms: the host's own work, whatever the stalls were. */
  cpuMs: number;
}

/** Where the stalls happen (start, pull, sales), for whoever reads the figures. */
function stallProbe() {
  const started = performance.now();
  const stalls: { atMs: number; ms: number }[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - 5;
    if (late > 20) stalls.push({ atMs: Math.round(last - started), ms: Math.round(late) });
    last = now;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return stalls.sort((a, b) => b.ms - a.ms).slice(0, 5);
    },
  };
}

const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

type StartTill = (config: TillConfig) => Promise<{ host: BrowserHost; stop(): Promise<void> }>;

/**
 * How each mode starts its till. Loaded before the loop is watched, and only what the mode needs: the shipped host
 * process never loads the core's code (RxDB, SQLite), so its heap is as small as it is in `npm start`.
 */
async function starter(mode: 'shipped' | 'in-process'): Promise<StartTill> {
  if (mode === 'shipped') {
    const { runBrowserHost } = await import('../../electron/host/run-browser-host');
    return (config) => runBrowserHost(config, staticDir);
  }
  const [{ startBrowserHost }, { createLogger }, { createTillCore }, { createFileCredentialStore }] = await Promise.all([
    import('../../electron/host/browser-host'),
    import('../../electron/core/log'),
    import('../../electron/core/till-core'),
    import('../../electron/core/sync/credential-store'),
  ]);
  return async (config) => {
    const log = createLogger(`bench-host:${config.terminalId}`);
    const core = await createTillCore({
      dataDir: config.dataDir,
      terminalId: config.terminalId,
      demo: config.demo,
      demoProducts: config.demoProducts,
      sync: { url: config.couchUrl, prefix: config.dbPrefix, credentials: createFileCredentialStore(config.dataDir) },
    });
    const host = await startBrowserHost({ core, port: config.port, staticDir, log });
    return { host, stop: async () => (await host.close(), await core.close()) };
  };
}

async function main(): Promise<void> {
  const [mode, configJson] = process.argv.slice(2);
  if ((mode !== 'shipped' && mode !== 'in-process') || !configJson || !process.send) {
    throw new Error('usage: forked with IPC, host-loop-child.ts <shipped|in-process> <JSON TillConfig>');
  }
  const config = JSON.parse(configJson) as TillConfig;
  const startTill = await starter(mode);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const probe = stallProbe();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { host, stop } = await startTill(config);
  const readyAtMs = Math.round(performance.now() - started);
  process.send({ url: host.url });
  process.on('message', (message) => {
    if (message !== 'report') return;
    loop.disable();
    const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
    const cpu = process.cpuUsage(cpuBefore);
    const report: HostLoopReport = {
      maxMs: ms(loop.max),
      p99Ms: ms(loop.percentile(99)),
      meanMs: ms(loop.mean),
      longest: probe.stop(),
      readyAtMs,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
    void stop().finally(() => process.send!(report, () => process.exit(0)));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
