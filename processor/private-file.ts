/**
 * Small files holding secrets (terminal keys, the admin token, a till's processor key): readable by their owner
 * only, and replaced whole — written to a synced temp file, then renamed over the old one — so a crash leaves the
 * old file or the new one, never half of one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export function writePrivateFile(file: string, text: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncDirectory(dir);
}

function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a directory to sync it.
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
