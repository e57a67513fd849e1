/**
 * A till's key for the card processor as it is kept on disk (`<till data dir>/processor-key.json`, mode 0600): the
 * processor's address and the terminal's signing key. Written by the stand-in processor's tools
 * (processor/dev-processor.ts, `npm run processor -- --terminal T1`) and read by the till.
 */
import { z } from 'zod';
import type { SigningKey } from './signature';

export interface ProcessorCredentials {
  /** The processor's address, `http://host:port/` (ends in '/'; the API paths are appended to it). */
  url: string;
  keyId: string;
  /** The shared secret, base64url. */
  secret: string;
}

export const PROCESSOR_KEY_FILE = 'processor-key.json';

const fileShape = z
  .object({
    url: z.string().refine((url) => {
      try {
        const parsed = new URL(url);
        return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && url.endsWith('/') && !parsed.username && !parsed.password;
      } catch {
        return false;
      }
    }),
    keyId: z.string().min(1).max(200),
    // At least 16 bytes of key: a shorter HMAC secret could be guessed.
    secret: z.string().regex(/^[A-Za-z0-9_-]{22,}$/),
  })
  .strict();

/** The credentials in a file's text, or null when the text is not a Kassa processor key file. */
export function parseProcessorCredentials(text: string): ProcessorCredentials | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = fileShape.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The file's text; throws on credentials that parseProcessorCredentials would refuse, so no unreadable file is written. */
export function processorCredentialsText(credentials: ProcessorCredentials): string {
  return `${JSON.stringify(fileShape.parse(credentials))}\n`;
}

export function signingKeyOf(credentials: ProcessorCredentials): SigningKey {
  return { keyId: credentials.keyId, secret: credentials.secret };
}
