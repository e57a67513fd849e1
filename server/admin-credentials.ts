/**
 * The embedded server's admin account: taken from KASSA_SERVER_ADMIN_PASSWORD, or made once and kept in
 * `<server data dir>/admin-credentials.json`, readable by its owner only (0600). `npm start` reads it to create
 * terminal accounts on the dev server; nothing prints the password.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface AdminCredentials {
  name: string;
  password: string;
}

export const ADMIN_FILE = 'admin-credentials.json';

export function adminCredentialsFile(dataDir: string): string {
  return path.join(dataDir, ADMIN_FILE);
}

export function readAdminCredentials(dataDir: string): AdminCredentials | null {
  const file = adminCredentialsFile(dataDir);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<AdminCredentials>;
  if (typeof parsed.name !== 'string' || typeof parsed.password !== 'string') throw new Error(`${file} is not a Kassa admin credentials file`);
  return { name: parsed.name, password: parsed.password };
}

export function loadOrCreateAdminCredentials(dataDir: string, fromEnv: string | undefined): AdminCredentials {
  if (fromEnv) return { name: 'admin', password: fromEnv };
  const existing = readAdminCredentials(dataDir);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const credentials = { name: 'admin', password: randomBytes(24).toString('base64url') };
  const file = adminCredentialsFile(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(credentials)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
  return credentials;
}
