/**
 * `npm start` / `npm run till`: builds the renderer when its sources changed, then runs the till — in Electron
 * when its binary is installed, otherwise in the browser host (how it runs on machines without Electron).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveTillConfig } from '../electron/host/till-config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfStale(output: string, sources: string[], args: string[]): void {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  const changed = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (built >= changed) return;
  process.stdout.write(`Building ${path.relative(root, output)}…\n`);
  const result = spawnSync(bin('vite'), args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n');
    process.exit(result.status ?? 1);
  }
}

/**
 * The Electron binary, if installed. Requiring the `electron` package would try to download it (which fails
 * without internet), so look for the file the package would point at instead.
 */
function electronBinary(): string | null {
  try {
    const pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
    const binary = path.join(dist, relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let config = resolveTillConfig(argv, process.env, process.cwd());
  buildIfStale(path.join(root, 'dist/renderer/index.html'), ['renderer', 'shared'], ['build', '--logLevel', 'warn']);

  // No store CouchDB given: sync with the embedded server on this machine (started here if none is running).
  let syncServer: ChildProcess | null = null;
  if (!config.couchUrl && config.embeddedServer) {
    const { ensureDevServer } = await import('../server/dev-server');
    try {
      const dev = await ensureDevServer({
        port: config.serverPort,
        dataDir: config.serverDataDir,
        prefix: config.dbPrefix,
        terminalId: config.terminalId,
        tillDataDir: config.dataDir,
        say: (line) => process.stdout.write(`${line}\n`),
      });
      config = { ...config, couchUrl: dev.couchUrl };
      syncServer = dev.child;
    } catch (error) {
      // The till sells without its sync server: it keeps any pairing it has and syncs once a server answers.
      process.stdout.write(`Sync server: not used (${error instanceof Error ? error.message : String(error)}); the till starts without it.\n`);
    }
  }
  // Card payments: the stand-in processor on this machine (started here if nothing listens on its port), and a key
  // for this till. Whatever state it is in, the till starts: without it, cards follow the offline rules.
  let processor: ChildProcess | null = null;
  if (config.embeddedProcessor) {
    const { ensureDevProcessor } = await import('../processor/dev-processor');
    const dev = await ensureDevProcessor({
      port: config.processorPort,
      controlPort: config.processorControlPort,
      dataDir: config.processorDataDir,
      terminalId: config.terminalId,
      tillDataDir: config.dataDir,
      say: (line) => process.stdout.write(`${line}\n`),
    });
    processor = dev.child;
  }
  const stopSyncServer = () => {
    if (syncServer && syncServer.exitCode === null) syncServer.kill('SIGTERM');
    if (processor && processor.exitCode === null) processor.kill('SIGTERM');
  };
  process.once('exit', stopSyncServer);

  const electron = electronBinary();
  if (electron && !argv.includes('--browser')) {
    buildIfStale(path.join(root, 'dist-electron/main.cjs'), ['electron', 'shared'], ['build', '-c', 'vite.electron.config.ts', '--logLevel', 'warn']);
    process.stdout.write(`Till UI: Electron window (terminal ${config.terminalId}, data in ${config.dataDir})\n`);
    const child = spawn(electron, [root], {
      stdio: 'inherit',
      env: {
        ...process.env,
        KASSA_TERMINAL_ID: config.terminalId,
        KASSA_DATA_DIR: config.dataDir,
        KASSA_DEMO: config.demo ? '1' : '0',
        KASSA_DEMO_PRODUCTS: String(config.demoProducts),
        KASSA_DB_PREFIX: config.dbPrefix,
        ...(config.couchUrl ? { KASSA_COUCH_URL: config.couchUrl } : {}),
      },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  if (!electron) process.stdout.write("Electron's binary is not installed here: running the till in the browser host.\n");
  const { runBrowserHost } = await import('../electron/host/run-browser-host');
  const { host, stop } = await runBrowserHost(config);
  process.stdout.write(`Till UI: ${host.url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () =>
      void stop().finally(() => {
        stopSyncServer();
        process.exit(0);
      }),
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Kassa could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
