/**
 * `npm run processor`: the stand-in card processor (a stand-in for a card network, which cannot be reached from
 * here; see processor-server.ts) on 127.0.0.1. Flags: --port (KASSA_PROCESSOR_PORT, 5986), --control-port
 * (KASSA_PROCESSOR_CONTROL_PORT, 5987), --data-dir (KASSA_PROCESSOR_DATA_DIR, .kassa/processor), and
 * --terminal T2 [--till-data-dir .kassa/T2] (repeatable) to give a till its key. The control listener's admin
 * token comes from KASSA_PROCESSOR_ADMIN_TOKEN or is made once and kept in `<data dir>/admin-token`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertTerminalId } from '../shared/ids';
import { flagValue, wholeNumberFlag } from '../server/cli-args';
import { ADMIN_TOKEN_ENV, loadOrCreateAdminToken } from './admin-token';
import { startProcessor, type RunningProcessor } from './processor-server';
import { openKeyRing } from './terminal-keys';
import { readTillKey, tillKeyFile, writeTillKey } from './till-key-file';

export const DEFAULT_PROCESSOR_PORT = 5986;
export const DEFAULT_CONTROL_PORT = 5987;
export const DEFAULT_PROCESSOR_DATA_DIR = '.kassa/processor';

export interface TillFlag {
  terminalId: string;
  /** Where that till keeps its data (and so its processor-key.json). */
  tillDataDir: string;
}

export interface ProcessorConfig {
  port: number;
  controlPort: number;
  dataDir: string;
  terminals: TillFlag[];
}

/** The till's default data directory, as README's examples run them: T1 in `.kassa`, any other in `.kassa/<id>`. */
export function defaultTillDataDir(terminalId: string, cwd: string): string {
  return path.resolve(cwd, terminalId === 'T1' ? '.kassa' : path.join('.kassa', terminalId));
}

/** `--terminal T2 --till-data-dir DIR --terminal T3 …`: a --till-data-dir belongs to the --terminal before it. */
export function tillFlags(argv: readonly string[], cwd: string): TillFlag[] {
  const tills: TillFlag[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--terminal') {
      const terminalId = value();
      if (!terminalId) throw new Error('--terminal needs a terminal id, e.g. --terminal T2');
      assertTerminalId(terminalId);
      tills.push({ terminalId, tillDataDir: defaultTillDataDir(terminalId, cwd) });
    } else if (name === '--till-data-dir') {
      const current = tills.at(-1);
      const dir = value();
      if (!current || !dir) throw new Error('--till-data-dir DIR belongs after the --terminal it is for');
      current.tillDataDir = path.resolve(cwd, dir);
    }
  }
  return tills;
}

export function resolveProcessorConfig(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ProcessorConfig {
  const port = wholeNumberFlag(flagValue(argv, 'port') ?? env.KASSA_PROCESSOR_PORT, 'The processor port', 0, 65535) ?? DEFAULT_PROCESSOR_PORT;
  const controlPort = wholeNumberFlag(flagValue(argv, 'control-port') ?? env.KASSA_PROCESSOR_CONTROL_PORT, 'The control port', 0, 65535) ?? DEFAULT_CONTROL_PORT;
  if (port !== 0 && port === controlPort) throw new Error(`The processor port and the control port must differ (both ${port})`);
  const dataDir = path.resolve(cwd, flagValue(argv, 'data-dir') ?? env.KASSA_PROCESSOR_DATA_DIR ?? DEFAULT_PROCESSOR_DATA_DIR);
  return { port, controlPort, dataDir, terminals: tillFlags(argv, cwd) };
}

/**
 * Makes sure each till named on the command line holds a key this processor knows: its saved key is kept when it
 * is one of the terminal's keys here; otherwise the terminal's newest key, or a new one, is written to its file.
 */
function giveTillsTheirKeys(config: ProcessorConfig, url: string, say: (line: string) => void): void {
  const keys = openKeyRing(config.dataDir);
  for (const till of config.terminals) {
    const saved = readTillKey(till.tillDataDir);
    const known = saved ? keys.keyFor(saved.keyId) : null;
    if (saved && known && known.secret === saved.secret && keys.terminalOf(saved.keyId) === till.terminalId) {
      if (saved.url !== url) writeTillKey(till.tillDataDir, { ...saved, url });
      say(`Terminal ${till.terminalId}: key ${saved.keyId} in ${tillKeyFile(till.tillDataDir)}`);
      continue;
    }
    const key = keys.newestOf(till.terminalId) ?? keys.provision(till.terminalId);
    const file = writeTillKey(till.tillDataDir, { url, keyId: key.keyId, secret: key.secret });
    say(`Terminal ${till.terminalId}: key ${key.keyId} written to ${file}`);
  }
}

/** `started` hears of the processor as soon as it listens, before anything is printed. */
export async function runProcessor(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  say: (line: string) => void,
  started: (processor: RunningProcessor) => void = () => undefined,
): Promise<RunningProcessor> {
  const config = resolveProcessorConfig(argv, env, process.cwd());
  const adminToken = loadOrCreateAdminToken(config.dataDir, env[ADMIN_TOKEN_ENV]);
  const processor = await startProcessor({ dataDir: config.dataDir, port: config.port, controlPort: config.controlPort, adminToken });
  started(processor);
  say(`Card processor (stand-in): ${processor.url} (control ${processor.controlUrl}, data in ${config.dataDir})`);
  try {
    // After the start, so a port given as 0 is written as the one taken; the running processor reads keys added
    // to its key file when a request names one it does not know yet.
    giveTillsTheirKeys(config, processor.url, say);
  } catch (error) {
    await processor.close();
    throw error;
  }
  return processor;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Listening before the start line is printed, so a stop sent as soon as the line is read is a clean one.
  let running: RunningProcessor | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void (running?.close() ?? Promise.resolve()).finally(() => process.exit(0)));
  }
  runProcessor(
    process.argv.slice(2),
    process.env,
    (line) => process.stdout.write(`${line}\n`),
    (processor) => (running = processor),
  ).catch((error: unknown) => {
    process.stderr.write(`The card processor could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
