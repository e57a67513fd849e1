/**
 * Where a terminal keeps its server address and CouchDB account. The browser host keeps them in a file readable by
 * its own user only (0600) in the data directory. In Electron this is the place for safeStorage (the OS keychain),
 * which cannot be exercised on machines without Electron's binary; until then Electron uses the same file.
 * The password never leaves the main process: not to screens, not to logs.
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface SyncCredentials {
  /** Normalized server address (no user info, ends in '/'). */
  url: string;
  username: string;
  password: string;
}

export interface CredentialStore {
  load(): SyncCredentials | null;
  save(credentials: SyncCredentials): void;
  clear(): void;
  /** Where they are kept, for the IT person (no secret in it). */
  readonly location: string;
}

const fileShape = z.object({ url: z.string().min(1), username: z.string().min(1), password: z.string().min(1) }).strict();

export const CREDENTIALS_FILE = 'sync-credentials.json';

export function createFileCredentialStore(dataDir: string, onWarning: (message: string) => void = () => undefined): CredentialStore {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  return {
    location: file,
    load() {
      if (!existsSync(file)) return null;
      // Someone loosened the permissions (a copy, a restore): tighten them again before reading.
      if ((statSync(file).mode & 0o077) !== 0) {
        onWarning(`${file} was readable by others; its permissions are now 0600`);
        chmodSync(file, 0o600);
      }
      const parsed = fileShape.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) {
        onWarning(`${file} is not a Kassa credentials file; pair the terminal again`);
        return null;
      }
      return parsed.data;
    },
    save(credentials) {
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(fileShape.parse(credentials))}\n`, { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, file);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}

/** For tests and for tills without a data directory of their own. */
export function createMemoryCredentialStore(initial: SyncCredentials | null = null): CredentialStore {
  let current = initial;
  return {
    location: '(memory)',
    load: () => current,
    save: (c) => {
      current = { ...c };
    },
    clear: () => {
      current = null;
    },
  };
}
