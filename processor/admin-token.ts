/**
 * The token that opens the processor's control listener (switches, ledger, key provisioning): taken from
 * KASSA_PROCESSOR_ADMIN_TOKEN, or made once and kept in `<data dir>/admin-token` (0600), where `npm start` on the
 * same machine reads it to give its till a key. Nothing prints it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writePrivateFile } from './private-file';

export const ADMIN_TOKEN_FILE = 'admin-token';
export const ADMIN_TOKEN_ENV = 'KASSA_PROCESSOR_ADMIN_TOKEN';

export function adminTokenFile(dataDir: string): string {
  return path.join(dataDir, ADMIN_TOKEN_FILE);
}

export function readAdminToken(dataDir: string): string | null {
  const file = adminTokenFile(dataDir);
  if (!existsSync(file)) return null;
  const token = readFileSync(file, 'utf8').trim();
  return token === '' ? null : token;
}

export function loadOrCreateAdminToken(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const existing = readAdminToken(dataDir);
  if (existing) return existing;
  const token = randomBytes(24).toString('base64url');
  writePrivateFile(adminTokenFile(dataDir), `${token}\n`);
  return token;
}
