/** A till's processor key file (format: shared/payments/processor-credentials.ts), as the processor's tools write it. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProcessorCredentials, PROCESSOR_KEY_FILE, processorCredentialsText, type ProcessorCredentials } from '../shared/payments/processor-credentials';
import { writePrivateFile } from './private-file';

export function tillKeyFile(tillDataDir: string): string {
  return path.join(tillDataDir, PROCESSOR_KEY_FILE);
}

/** The till's saved key, or null when it has none (or the file is not a processor key file). */
export function readTillKey(tillDataDir: string): ProcessorCredentials | null {
  const file = tillKeyFile(tillDataDir);
  return existsSync(file) ? parseProcessorCredentials(readFileSync(file, 'utf8')) : null;
}

export function writeTillKey(tillDataDir: string, credentials: ProcessorCredentials): string {
  const file = tillKeyFile(tillDataDir);
  writePrivateFile(file, processorCredentialsText(credentials));
  return file;
}
