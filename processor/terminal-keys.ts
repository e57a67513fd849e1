/**
 * The terminals' signing keys, as the processor knows them: provisioned ones kept in `<data dir>/terminal-keys.json`
 * (mode 0600, replaced whole through a synced temp file so a crash leaves the old or the new file, never half of
 * one), plus any given at start, which live only as long as the process. A key speaks for one terminal. Several
 * processes may provision into one data directory (the CLI before a start, the running processor after): each
 * re-reads the file before it adds to it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TERMINAL_ID_PATTERN } from '../shared/ids';
import { newSigningKey, type SigningKey } from '../shared/payments/signature';
import { writePrivateFile } from './private-file';

export const KEYS_FILE = 'terminal-keys.json';

export interface TerminalKey extends SigningKey {
  terminalId: string;
}

export interface KeyListing {
  keyId: string;
  terminalId: string;
  createdAt: string | null;
  /** 'file': provisioned and kept in the data directory; 'start': given when the processor started. */
  source: 'file' | 'start';
}

const storedKey = z.object({
  keyId: z.string().min(1),
  terminalId: z.string().regex(TERMINAL_ID_PATTERN),
  secret: z.string().regex(/^[A-Za-z0-9_-]{22,}$/),
  createdAt: z.string(),
});
const keysFile = z.object({ keys: z.array(storedKey) });
type StoredKey = z.infer<typeof storedKey>;

export interface KeyRing {
  keyFor(keyId: string): SigningKey | null;
  terminalOf(keyId: string): string | null;
  /** A new key for the terminal, on disk before it is returned. Earlier keys of the terminal stay valid. */
  provision(terminalId: string): TerminalKey;
  /** The terminal's most recently provisioned key, if it has one. */
  newestOf(terminalId: string): TerminalKey | null;
  list(): KeyListing[];
}

export function openKeyRing(dataDir: string, givenAtStart: readonly TerminalKey[] = []): KeyRing {
  const file = path.join(dataDir, KEYS_FILE);
  const atStart = new Map<string, TerminalKey>();
  for (const key of givenAtStart) {
    const checked = storedKey.omit({ createdAt: true }).safeParse(key);
    if (!checked.success) throw new Error(`The key ${key.keyId} given at start is not usable: its terminal id must match ${TERMINAL_ID_PATTERN} and its secret be base64url of at least 16 bytes`);
    atStart.set(key.keyId, checked.data);
  }
  let stored: StoredKey[] = [];
  let seenVersion = '';
  /**
   * Reads the file again when it changed: `npm run processor -- --terminal T2` or a second tool may provision a key
   * while this processor runs, and the till using it should not need a processor restart.
   */
  const refresh = () => {
    const version = existsSync(file) ? `${statSync(file).mtimeMs}:${statSync(file).size}` : '';
    if (version === seenVersion) return;
    stored = version ? readKeys(file) : [];
    seenVersion = version;
  };
  const find = (keyId: string): TerminalKey | null => {
    const known = stored.find((k) => k.keyId === keyId) ?? atStart.get(keyId);
    if (known) return known;
    refresh();
    return stored.find((k) => k.keyId === keyId) ?? null;
  };
  refresh();

  return {
    keyFor: (keyId) => {
      const key = find(keyId);
      return key ? { keyId: key.keyId, secret: key.secret } : null;
    },
    terminalOf: (keyId) => find(keyId)?.terminalId ?? null,
    provision: (terminalId) => {
      if (!TERMINAL_ID_PATTERN.test(terminalId)) throw new Error(`Terminal id "${terminalId}" must be 1–24 capital letters, digits or underscores (e.g. T2)`);
      refresh();
      let key: StoredKey;
      do key = { ...newSigningKey(`${terminalId}-${randomBytes(4).toString('hex')}`), terminalId, createdAt: new Date().toISOString() };
      while (stored.some((k) => k.keyId === key.keyId) || atStart.has(key.keyId));
      writeKeys(file, [...stored, key]);
      refresh();
      return { keyId: key.keyId, secret: key.secret, terminalId };
    },
    newestOf: (terminalId) => {
      refresh();
      const key = stored.filter((k) => k.terminalId === terminalId).at(-1);
      return key ? { keyId: key.keyId, secret: key.secret, terminalId } : null;
    },
    list: () => {
      refresh();
      return [
        ...stored.map((k): KeyListing => ({ keyId: k.keyId, terminalId: k.terminalId, createdAt: k.createdAt, source: 'file' })),
        ...[...atStart.values()].map((k): KeyListing => ({ keyId: k.keyId, terminalId: k.terminalId, createdAt: null, source: 'start' })),
      ];
    },
  };
}

function readKeys(file: string): StoredKey[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a Kassa processor key file: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = keysFile.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a Kassa processor key file: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  return parsed.data.keys;
}

function writeKeys(file: string, keys: StoredKey[]): void {
  writePrivateFile(file, `${JSON.stringify({ keys }, null, 2)}\n`);
}
