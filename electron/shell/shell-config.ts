/**
 * How the Electron shell configures itself and the till core from its environment. Packaged tills keep their data
 * in the OS's per-user app folder and never seed demo data unless asked; a development run keeps it under .kassa/.
 */
import path from 'node:path';
import { assertTerminalId } from '../../shared/ids';
import type { TillCoreOptions } from '../core/api/till-core-types';
import { checkedCouchUrl } from '../../shared/sync/couch-url';
import { assertDbPrefix, DEFAULT_DB_PREFIX } from '../../shared/sync/sync-names';
import { parseCustomerDisplayMode, type CustomerDisplayMode } from './customer-display';
import { receiptPrinterOf } from './receipt-print';

export interface ShellEnvironment {
  KASSA_DATA_DIR?: string;
  KASSA_TERMINAL_ID?: string;
  /** '1'/'true' or '0'/'false'. Default: demo data in development, none when packaged. */
  KASSA_DEMO?: string;
  KASSA_DEMO_PRODUCTS?: string;
  /** The store's CouchDB; with `user:password@` it pairs the till (the account then lives in the OS keychain). */
  KASSA_COUCH_URL?: string;
  KASSA_DB_PREFIX?: string;
  /** auto (default), on, off: see customer-display.ts. */
  KASSA_CUSTOMER_DISPLAY?: string;
  /** The system name of the receipt printer: receipts print there without a dialog. */
  KASSA_RECEIPT_PRINTER?: string;
}

export interface ShellConfig {
  /** The core's options; main adds the sync settings' credential store (it needs Electron's safeStorage). */
  core: Omit<TillCoreOptions, 'sync'>;
  sync: { url: string | null; prefix: string };
  customerDisplay: CustomerDisplayMode;
  receiptPrinter: string | null;
}

export interface ShellFacts {
  isPackaged: boolean;
  /** app.getPath('userData') */
  userDataPath: string;
  cwd: string;
}

export const DEFAULT_TERMINAL_ID = 'T1';
const MAX_DEMO_PRODUCTS = 1_000_000;

export function resolveShellConfig(env: ShellEnvironment, facts: ShellFacts): ShellConfig {
  const prefix = env.KASSA_DB_PREFIX?.trim() || DEFAULT_DB_PREFIX;
  assertDbPrefix(prefix);
  return {
    core: resolveCoreOptions(env, facts),
    sync: { url: checkedCouchUrl(env.KASSA_COUCH_URL), prefix },
    customerDisplay: parseCustomerDisplayMode(env.KASSA_CUSTOMER_DISPLAY),
    receiptPrinter: receiptPrinterOf(env.KASSA_RECEIPT_PRINTER),
  };
}

function resolveCoreOptions(env: ShellEnvironment, facts: ShellFacts): Omit<TillCoreOptions, 'sync'> {
  const terminalId = env.KASSA_TERMINAL_ID?.trim() || DEFAULT_TERMINAL_ID;
  assertTerminalId(terminalId);
  const dataDir = env.KASSA_DATA_DIR?.trim()
    ? path.resolve(facts.cwd, env.KASSA_DATA_DIR.trim())
    : facts.isPackaged
      ? facts.userDataPath
      : path.resolve(facts.cwd, '.kassa', `electron-${terminalId}`);
  const options: Omit<TillCoreOptions, 'sync'> = { dataDir, terminalId, demo: parseFlag('KASSA_DEMO', env.KASSA_DEMO, !facts.isPackaged) };
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
