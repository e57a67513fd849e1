/**
 * Where a till finds its card processor: `<data dir>/processor-key.json` (0600), written when the terminal's key
 * was provisioned (shared/payments/processor-credentials.ts). No file: no processor, and cards are refused. The
 * secret never leaves the core: not to screens, not to logs.
 */
import path from 'node:path';
import { parseProcessorCredentials, PROCESSOR_KEY_FILE, signingKeyOf } from '../../../shared/payments/processor-credentials';
import type { Logger } from '../log';
import { readPrivateFile } from '../sync/credential-store';
import type { CardProcessor } from './card-processor';
import { createHttpProcessor } from './http-processor';

/** How long a card request may take at the counter before its outcome counts as unknown (then it is looked up). */
export const DEFAULT_PROCESSOR_TIMEOUT_MS = 15_000;

export function processorFromKeyFile(dataDir: string, log: Logger, timeoutMs = DEFAULT_PROCESSOR_TIMEOUT_MS): CardProcessor | null {
  const file = path.join(dataDir, PROCESSOR_KEY_FILE);
  const data = readPrivateFile(file, (message) => log.warn(message));
  if (data === null) {
    log.info('No card processor is set up on this till: card payments are refused', { file });
    return null;
  }
  const credentials = parseProcessorCredentials(data.toString('utf8'));
  if (!credentials) {
    log.error('The card processor key file is not valid: card payments are refused until it is provisioned again', { file });
    return null;
  }
  log.info('Card processor', { url: credentials.url, keyId: credentials.keyId });
  return createHttpProcessor({ url: credentials.url, key: signingKeyOf(credentials), timeoutMs, log });
}
