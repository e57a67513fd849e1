/**
 * How the Electron shell configures the till core from its environment. Packaged tills keep their data in the
 * OS's per-user app folder and never seed demo data unless asked; a development run keeps it under .kassa/.
 */
import path from 'node:path';
import { assertTerminalId } from '../../shared/ids';
import type { TillCoreOptions } from '../core/api/till-core-types';

export interface ShellEnvironment {
  KASSA_DATA_DIR?: string;
  KASSA_TERMINAL_ID?: string;
  /** '1'/'true' or '0'/'false'. Default: demo data in development, none when packaged. */
  KASSA_DEMO?: string;
  KASSA_DEMO_PRODUCTS?: string;
}

export interface ShellFacts {
  isPackaged: boolean;
  /** app.getPath('userData') */
  userDataPath: string;
  cwd: string;
}

export const DEFAULT_TERMINAL_ID = 'T1';
const MAX_DEMO_PRODUCTS = 1_000_000;

export function resolveShellConfig(env: ShellEnvironment, facts: ShellFacts): TillCoreOptions {
  const terminalId = env.KASSA_TERMINAL_ID?.trim() || DEFAULT_TERMINAL_ID;
  assertTerminalId(terminalId);
  const dataDir = env.KASSA_DATA_DIR?.trim()
    ? path.resolve(facts.cwd, env.KASSA_DATA_DIR.trim())
    : facts.isPackaged
      ? facts.userDataPath
      : path.resolve(facts.cwd, '.kassa', `electron-${terminalId}`);
  const options: TillCoreOptions = { dataDir, terminalId, demo: parseFlag('KASSA_DEMO', env.KASSA_DEMO, !facts.isPackaged) };
  if (env.KASSA_DEMO_PRODUCTS?.trim()) options.demoProducts = parseCount(env.KASSA_DEMO_PRODUCTS.trim());
  return options;
}

function parseFlag(name: string, value: string | undefined, fallback: boolean): boolean {
  const v = value?.trim().toLowerCase();
  if (!v) return fallback;
  if (v === '1' || v === 'true' || v === 'yes' || v === 'on') return true;
  if (v === '0' || v === 'false' || v === 'no' || v === 'off') return false;
  throw new Error(`${name} must be 1 or 0 (got "${value}")`);
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(n) || n > MAX_DEMO_PRODUCTS) {
    throw new Error(`KASSA_DEMO_PRODUCTS must be a whole number up to ${MAX_DEMO_PRODUCTS} (got "${value}")`);
  }
  return n;
}
