import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-till';
import { createFileCredentialStore, CREDENTIALS_FILE } from './credential-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the credentials file of the browser host', () => {
  it('is written readable by its owner only, and read back', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const store = createFileCredentialStore(dir);
    expect(store.load()).toBeNull();
    store.save({ url: 'http://couch.example:5984/', username: 'kassa_T1', password: 'pw-1' });
    const file = path.join(dir, CREDENTIALS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.load()).toEqual({ url: 'http://couch.example:5984/', username: 'kassa_T1', password: 'pw-1' });
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('tightens loosened permissions before reading, and ignores a file that is not its own', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const warnings: string[] = [];
    const store = createFileCredentialStore(dir, (m) => warnings.push(m));
    store.save({ url: 'http://c/', username: 'u', password: 'p' });
    const file = path.join(dir, CREDENTIALS_FILE);
    chmodSync(file, 0o644);
    expect(store.load()?.username).toBe('u');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, JSON.stringify({ something: 'else' }), { mode: 0o600 });
    expect(store.load()).toBeNull();
    writeFileSync(file, '{"url": "http://c/", "user', { mode: 0o600 }); // cut short
    expect(store.load()).toBeNull();
    expect(warnings.join('\n')).toMatch(/0600[\s\S]*not a Kassa credentials file/);
    expect(readFileSync(file, 'utf8')).not.toContain('"p"');
  });
});
