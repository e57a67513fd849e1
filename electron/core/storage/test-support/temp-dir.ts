/** Temporary folders for storage tests, under the OS temp dir and removed after each test. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kassa-storage-${label}-`));
}

export function removeTempDir(directory: string): void {
  fs.rmSync(directory, { recursive: true, force: true });
}
