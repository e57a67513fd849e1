/**
 * Where a till keeps its data, who it is and where it listens: from command-line flags, then KASSA_* environment
 * variables, then the defaults. Bad values stop the start with a message saying what to fix.
 */
import path from 'node:path';
import { TERMINAL_ID_PATTERN } from '../../shared/ids';
import { checkedCouchUrl } from '../../shared/sync/couch-url';
import { assertDbPrefix, DEFAULT_DB_PREFIX } from '../../shared/sync/sync-names';

export interface TillConfig {
  terminalId: string;
  port: number;
  dataDir: string;
  demo: boolean;
  demoProducts: number;
  /** The store's CouchDB (KASSA_COUCH_URL); null: the embedded dev server (`npm start`) or not syncing. */
  couchUrl: string | null;
  /** Database prefix of the store on that server (KASSA_DB_PREFIX). */
  dbPrefix: string;
  /** `npm start` without a CouchDB URL runs the embedded sync server on this port (KASSA_SERVER_PORT)… */
  serverPort: number;
  /** …with its data here (KASSA_SERVER_DATA_DIR). */
  serverDataDir: string;
  /** Whether `npm start` may start that server (`--no-server` / KASSA_EMBEDDED_SERVER=0: a till without sync). */
  embeddedServer: boolean;
  /** `npm start` gives the till the stand-in card processor on this port (KASSA_PROCESSOR_PORT)… */
  processorPort: number;
  /** …its control listener on this one (KASSA_PROCESSOR_CONTROL_PORT)… */
  processorControlPort: number;
  /** …with its ledger here (KASSA_PROCESSOR_DATA_DIR)… */
  processorDataDir: string;
  /** …unless `--no-processor` / KASSA_EMBEDDED_PROCESSOR=0 (a till keeps the processor-key.json it has, if any). */
  embeddedProcessor: boolean;
}

export const DEFAULT_PORT = 5180;
export const DEFAULT_SERVER_PORT = 5985;
export const DEFAULT_PROCESSOR_PORT = 5986;
export const DEFAULT_PROCESSOR_CONTROL_PORT = 5987;

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

function wholeNumber(value: string, what: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new Error(`${what} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

function yesNo(value: string | undefined, fallback: boolean, what: string): boolean {
  if (value === undefined || value === '') return fallback;
  const v = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new Error(`${what} must be 1 or 0 (yes/no, on/off), not "${value}"`);
}

export function resolveTillConfig(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): TillConfig {
  const terminalId = flag(argv, 'terminal') ?? env.KASSA_TERMINAL_ID ?? 'T1';
  if (!TERMINAL_ID_PATTERN.test(terminalId)) {
    throw new Error(`Terminal id "${terminalId}" must be 1–24 capital letters, digits or underscores (e.g. T2)`);
  }
  const port = wholeNumber(flag(argv, 'port') ?? env.KASSA_PORT ?? String(DEFAULT_PORT), 'The port', 0, 65535);
  const dataDir = path.resolve(cwd, flag(argv, 'data-dir') ?? env.KASSA_DATA_DIR ?? '.kassa');
  const demo = argv.includes('--no-demo') ? false : argv.includes('--demo') ? true : yesNo(env.KASSA_DEMO, true, 'KASSA_DEMO');
  const demoProducts = wholeNumber(flag(argv, 'demo-products') ?? env.KASSA_DEMO_PRODUCTS ?? '2000', 'Demo products', 0, 1_000_000);
  const couchUrl = checkedCouchUrl(flag(argv, 'couch-url') ?? env.KASSA_COUCH_URL);
  const dbPrefix = flag(argv, 'db-prefix') ?? env.KASSA_DB_PREFIX ?? DEFAULT_DB_PREFIX;
  assertDbPrefix(dbPrefix);
  const serverPort = wholeNumber(flag(argv, 'server-port') ?? env.KASSA_SERVER_PORT ?? String(DEFAULT_SERVER_PORT), 'The sync server port', 1, 65535);
  const serverDataDir = path.resolve(cwd, flag(argv, 'server-data-dir') ?? env.KASSA_SERVER_DATA_DIR ?? '.kassa/server');
  const embeddedServer = argv.includes('--no-server') ? false : yesNo(env.KASSA_EMBEDDED_SERVER, true, 'KASSA_EMBEDDED_SERVER');
  const processorPort = wholeNumber(flag(argv, 'processor-port') ?? env.KASSA_PROCESSOR_PORT ?? String(DEFAULT_PROCESSOR_PORT), 'The card processor port', 1, 65535);
  const processorControlPort = wholeNumber(
    flag(argv, 'processor-control-port') ?? env.KASSA_PROCESSOR_CONTROL_PORT ?? String(DEFAULT_PROCESSOR_CONTROL_PORT),
    'The card processor control port',
    1,
    65535,
  );
  const processorDataDir = path.resolve(cwd, flag(argv, 'processor-data-dir') ?? env.KASSA_PROCESSOR_DATA_DIR ?? '.kassa/processor');
  const embeddedProcessor = argv.includes('--no-processor') ? false : yesNo(env.KASSA_EMBEDDED_PROCESSOR, true, 'KASSA_EMBEDDED_PROCESSOR');
  return {
    terminalId,
    port,
    dataDir,
    demo,
    demoProducts,
    couchUrl,
    dbPrefix,
    serverPort,
    serverDataDir,
    embeddedServer,
    processorPort,
    processorControlPort,
    processorDataDir,
    embeddedProcessor,
  };
}

