/**
 * Electron keeps the till's sync account encrypted with the OS keychain (Electron's safeStorage: Keychain on macOS,
 * DPAPI on Windows, the Secret Service/KWallet on Linux) in a 0600 file in the data directory. Where the OS offers
 * no keychain (a Linux till without a desktop keyring: safeStorage would fall back to a fixed key, which protects
 * nothing), it keeps the same 0600 file the browser host uses and says so in the log. A plain file left by an
 * earlier run is encrypted and removed as soon as the keychain is there.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { credentialsText, parseCredentials, type SyncCredentials } from '../../shared/sync/sync-credentials';
import { createFileCredentialStore, readPrivateFile, writePrivateFile, type CredentialStore } from '../core/sync/credential-store';

/** The slice of Electron's safeStorage used here (main.ts passes the real one; tests a stand-in). */
export interface StringCipher {
  /** False when the OS has no keychain worth the name. */
  isAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const ENCRYPTED_CREDENTIALS_FILE = 'sync-credentials.enc';

export function createSafeStorageCredentialStore(
  dataDir: string,
  cipher: StringCipher,
  onWarning: (message: string) => void = () => undefined,
): CredentialStore {
  const file = path.join(dataDir, ENCRYPTED_CREDENTIALS_FILE);
  const plain = createFileCredentialStore(dataDir, onWarning);
  let warnedUnavailable = false;
  const available = (): boolean => {
    if (cipher.isAvailable()) return true;
    if (!warnedUnavailable) {
      warnedUnavailable = true;
      onWarning(`The OS keychain is not available: the sync account is kept in ${plain.location} (readable by this user only)`);
    }
    return false;
  };
  const saveEncrypted = (credentials: SyncCredentials) => writePrivateFile(file, cipher.encryptString(credentialsText(credentials)));

  return {
    get location() {
      return cipher.isAvailable() ? `${file} (encrypted with the OS keychain)` : plain.location;
    },
    load() {
      const encrypted = readPrivateFile(file, onWarning);
      if (encrypted !== null) {
        if (!available()) return null;
        let text: string;
        try {
          text = cipher.decryptString(encrypted);
        } catch {
          onWarning(`${file} could not be decrypted (another user, or the OS keychain was reset); pair the terminal again`);
          return null;
        }
        const credentials = parseCredentials(text);
        if (!credentials) onWarning(`${file} is not a Kassa credentials file; pair the terminal again`);
        return credentials;
      }
      const fromPlain = plain.load();
      if (fromPlain && available()) {
        saveEncrypted(fromPlain);
        plain.clear();
        onWarning(`The sync account moved from ${plain.location} into ${file}, encrypted with the OS keychain`);
      }
      return fromPlain;
    },
    save(credentials) {
      if (available()) {
        saveEncrypted(credentials);
        plain.clear();
      } else {
        plain.save(credentials);
      }
    },
    clear() {
      rmSync(file, { force: true });
      plain.clear();
    },
  };
}
