/**
 * Where a terminal keeps its server address and CouchDB account. The browser host keeps them in a file readable by
 * its own user only (0600) in the data directory; Electron encrypts that file with the OS keychain (safeStorage,
 * electron/shell/safe-storage-credentials.ts).
 * The password never leaves the main process: not to screens, not to logs.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { credentialsText, CREDENTIALS_FILE, parseCredentials, type SyncCredentials } from '../../../shared/sync/sync-credentials';

export { CREDENTIALS_FILE, type SyncCredentials };

export interface CredentialStore {
  load(): SyncCredentials | null;
  save(credentials: SyncCredentials): void;
  clear(): void;
  /** Where they are kept, for the IT person (no secret in it). */
  readonly location: string;
}

/** A file only its owner may read; permissions loosened by a copy or a restore are tightened before reading. */
export function readPrivateFile(file: string, onWarning: (message: string) => void): Buffer | null {
  if (!existsSync(file)) return null;
  if ((statSync(file).mode & 0o077) !== 0) {
    onWarning(`${file} was readable by others; its permissions are now 0600`);
    chmodSync(file, 0o600);
  }
  return readFileSync(file);
}

/** Written whole or not at all (temporary file, fsync, rename), readable by its owner only. */
export function writePrivateFile(file: string, data: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

export function createFileCredentialStore(dataDir: string, onWarning: (message: string) => void = () => undefined): CredentialStore {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  return {
    location: file,
    load() {
      const data = readPrivateFile(file, onWarning);
      if (data === null) return null;
      const credentials = parseCredentials(data.toString('utf8'));
      if (!credentials) onWarning(`${file} is not a Kassa credentials file; pair the terminal again`);
      return credentials;
    },
    save(credentials) {
      writePrivateFile(file, credentialsText(credentials));
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
