/**
 * Where a till keeps its data, who it is and where it listens: from command-line flags, then KASSA_* environment
 * variables, then the defaults. Bad values stop the start with a message saying what to fix.
 */
import path from 'node:path';
import { TERMINAL_ID_PATTERN } from '../../shared/ids';

export interface TillConfig {
  terminalId: string;
  port: number;
  dataDir: string;
  demo: boolean;
  demoProducts: number;
}

export const DEFAULT_PORT = 5180;

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
    throw new Error(`Terminal id "${terminalId}" must be 1–24 letters, digits or underscores (e.g. T2)`);
  }
  const port = wholeNumber(flag(argv, 'port') ?? env.KASSA_PORT ?? String(DEFAULT_PORT), 'The port', 0, 65535);
  const dataDir = path.resolve(cwd, flag(argv, 'data-dir') ?? env.KASSA_DATA_DIR ?? '.kassa');
  const demo = argv.includes('--no-demo') ? false : argv.includes('--demo') ? true : yesNo(env.KASSA_DEMO, true, 'KASSA_DEMO');
  const demoProducts = wholeNumber(flag(argv, 'demo-products') ?? env.KASSA_DEMO_PRODUCTS ?? '2000', 'Demo products', 0, 1_000_000);
  return { terminalId, port, dataDir, demo, demoProducts };
}
