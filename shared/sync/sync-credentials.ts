/**
 * A terminal's sync account as it is kept on disk: the server address, the CouchDB account and its password. The
 * format is read by the till (electron/core/sync/credential-store.ts) and by the embedded dev server, which reuses
 * a till's saved password (server/dev-server.ts).
 */
import { z } from 'zod';

export interface SyncCredentials {
  /** Normalized server address (no user info, ends in '/'). */
  url: string;
  username: string;
  password: string;
}

const fileShape = z.object({ url: z.string().min(1), username: z.string().min(1), password: z.string().min(1) }).strict();

export const CREDENTIALS_FILE = 'sync-credentials.json';

/** The credentials in a file's text, or null when the text is not a Kassa credentials file. */
export function parseCredentials(text: string): SyncCredentials | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = fileShape.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function credentialsText(credentials: SyncCredentials): string {
  return `${JSON.stringify(fileShape.parse(credentials))}\n`;
}

