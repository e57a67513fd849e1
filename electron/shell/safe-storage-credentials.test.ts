/**
 * The Electron credential store against a stand-in for safeStorage: Electron's binary (and so the OS keychain
 * behind safeStorage) cannot run on this machine. The stand-in encrypts for real (AES-256-GCM with a key of its
 * own), so "the password is not in the file" is a real check. The files are real files on disk.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileCredentialStore, CREDENTIALS_FILE } from '../core/sync/credential-store';
import { makeTempDir } from '../core/test-support/temp-till';
import { createSafeStorageCredentialStore, ENCRYPTED_CREDENTIALS_FILE, type StringCipher } from './safe-storage-credentials';

function keychain(options: { available?: boolean } = {}): StringCipher & { available: boolean } {
  const key = randomBytes(32);
  return {
    available: options.available ?? true,
    isAvailable() {
      return this.available;
    },
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const account = { url: 'http://couch.example:5984/', username: 'kassa_T1', password: 's3cret-pw-for-T1' };
const dirs: string[] = [];
function tempDir(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the sync account in Electron', () => {
  it('is stored encrypted with the OS keychain, owner-only, and read back', () => {
    const dir = tempDir();
    const store = createSafeStorageCredentialStore(dir, keychain());
    expect(store.load()).toBeNull();
    store.save(account);
    const file = path.join(dir, ENCRYPTED_CREDENTIALS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const raw = readFileSync(file);
    expect(raw.includes(Buffer.from(account.password))).toBe(false);
    expect(raw.includes(Buffer.from(account.username))).toBe(false);
    expect(existsSync(path.join(dir, CREDENTIALS_FILE))).toBe(false);
    expect(store.load()).toEqual(account);
    expect(store.location).toMatch(/sync-credentials\.enc \(encrypted with the OS keychain\)$/);
    store.clear();
    expect(store.load()).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('moves a plain file left by an earlier run into the encrypted one', () => {
    const dir = tempDir();
    createFileCredentialStore(dir).save(account);
    const warnings: string[] = [];
    const store = createSafeStorageCredentialStore(dir, keychain(), (m) => warnings.push(m));
    expect(store.load()).toEqual(account);
    expect(existsSync(path.join(dir, CREDENTIALS_FILE))).toBe(false);
    expect(existsSync(path.join(dir, ENCRYPTED_CREDENTIALS_FILE))).toBe(true);
    expect(store.load()).toEqual(account);
    expect(warnings.join('\n')).toMatch(/moved .* encrypted with the OS keychain/);
    expect(warnings.join('\n')).not.toContain(account.password);
  });

  it('keeps the 0600 file where the OS has no keychain, and says so once', () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const store = createSafeStorageCredentialStore(dir, keychain({ available: false }), (m) => warnings.push(m));
    store.save(account);
    store.save(account);
    expect(statSync(path.join(dir, CREDENTIALS_FILE)).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(dir, ENCRYPTED_CREDENTIALS_FILE))).toBe(false);
    expect(store.load()).toEqual(account);
    expect(warnings.filter((m) => m.includes('keychain is not available'))).toHaveLength(1);
  });

  it('asks for pairing again when the file cannot be decrypted, instead of failing the start', () => {
    const dir = tempDir();
    createSafeStorageCredentialStore(dir, keychain()).save(account);
    const warnings: string[] = [];
    // Another keychain (another OS user, or a reset keychain) cannot read it.
    expect(createSafeStorageCredentialStore(dir, keychain(), (m) => warnings.push(m)).load()).toBeNull();
    expect(warnings.join('\n')).toMatch(/could not be decrypted.*pair the terminal again/);
    writeFileSync(path.join(dir, ENCRYPTED_CREDENTIALS_FILE), 'garbage', { mode: 0o600 });
    expect(createSafeStorageCredentialStore(dir, keychain()).load()).toBeNull();
  });
});
