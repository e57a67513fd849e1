/**
 * `npm run processor` and what `npm start` does with it (ensureDevProcessor): flags, the line it prints, the files
 * it leaves (0600), keys handed to tills and kept across starts, and a clean stop on SIGTERM.
 */
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESSOR_PATHS } from '../shared/payments/processor-api';
import { signingKeyOf } from '../shared/payments/processor-credentials';
import { newSigningKey } from '../shared/payments/signature';
import { adminTokenFile } from './admin-token';
import { ensureDevProcessor } from './dev-processor';
import { LEDGER_FILE } from './ledger';
import { DEFAULT_CONTROL_PORT, DEFAULT_PROCESSOR_PORT, resolveProcessorConfig } from './run-processor';
import { controlClient, processorClient } from './test-support/processor-client';
import { killLeftoverProcessors, startProcessorProcess } from './test-support/processor-cli';
import { KEYS_FILE } from './terminal-keys';
import { readTillKey, tillKeyFile, writeTillKey } from './till-key-file';

const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kassa-${name}-`));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await killLeftoverProcessors();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const mode = (file: string) => statSync(file).mode & 0o777;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the processor command line', () => {
  it('takes its defaults and flags', () => {
    const cwd = '/srv/kassa';
    expect(resolveProcessorConfig([], {}, cwd)).toEqual({ port: DEFAULT_PROCESSOR_PORT, controlPort: DEFAULT_CONTROL_PORT, dataDir: '/srv/kassa/.kassa/processor', terminals: [] });
    expect(DEFAULT_PROCESSOR_PORT).toBe(5986);
    expect(DEFAULT_CONTROL_PORT).toBe(5987);
    const config = resolveProcessorConfig(['--port', '7000', '--control-port=7001', '--data-dir', 'p', '--terminal', 'T1', '--terminal', 'T2', '--terminal', 'T3', '--till-data-dir', '/tills/3'], {}, cwd);
    expect(config).toEqual({
      port: 7000,
      controlPort: 7001,
      dataDir: '/srv/kassa/p',
      terminals: [
        { terminalId: 'T1', tillDataDir: '/srv/kassa/.kassa' },
        { terminalId: 'T2', tillDataDir: '/srv/kassa/.kassa/T2' },
        { terminalId: 'T3', tillDataDir: '/tills/3' },
      ],
    });
    expect(resolveProcessorConfig([], { KASSA_PROCESSOR_PORT: '6000', KASSA_PROCESSOR_DATA_DIR: '/d' }, cwd)).toMatchObject({ port: 6000, dataDir: '/d' });
    expect(() => resolveProcessorConfig(['--port', 'x'], {}, cwd)).toThrow(/whole number/);
    expect(() => resolveProcessorConfig(['--port', '7000', '--control-port', '7000'], {}, cwd)).toThrow(/must differ/);
    expect(() => resolveProcessorConfig(['--terminal', 't1'], {}, cwd)).toThrow(/capital letters/);
    expect(() => resolveProcessorConfig(['--till-data-dir', 'x'], {}, cwd)).toThrow(/after the --terminal/);
  });

  it('prints its line, gives each --terminal a key its till finds, keeps it across starts, and stops on SIGTERM', async () => {
    const dataDir = tempDir('processor');
    const tillDir = tempDir('till');
    const env = { ...process.env, KASSA_PROCESSOR_ADMIN_TOKEN: '' };
    const first = await startProcessorProcess(['--port', '0', '--control-port', '0', '--data-dir', dataDir, '--terminal', 'T2', '--till-data-dir', tillDir], env);
    expect(first.lines[0]).toBe(`Card processor (stand-in): ${first.url} (control ${first.controlUrl}, data in ${dataDir})`);
    const saved = readTillKey(tillDir)!;
    expect(saved).toMatchObject({ url: first.url, keyId: expect.stringMatching(/^T2-/) });
    expect(first.lines[1]).toBe(`Terminal T2: key ${saved.keyId} written to ${tillKeyFile(tillDir)}`);
    for (const file of [tillKeyFile(tillDir), adminTokenFile(dataDir), path.join(dataDir, KEYS_FILE), path.join(dataDir, LEDGER_FILE)]) expect(mode(file), file).toBe(0o600);
    // The key works on the running processor, which never saw it at start.
    expect((await processorClient(first.url, signingKeyOf(saved)).get(PROCESSOR_PATHS.health)).check.ok).toBe(true);
    const token = readFileSync(adminTokenFile(dataDir), 'utf8').trim();
    expect((await controlClient(first.controlUrl, token).call('GET', '/control/keys')).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    const second = await startProcessorProcess(['--port', '0', '--control-port', '0', '--data-dir', dataDir, '--terminal', 'T2', '--till-data-dir', tillDir], env);
    expect(readTillKey(tillDir)).toEqual({ ...saved, url: second.url });
    expect(second.lines[1]).toBe(`Terminal T2: key ${saved.keyId} in ${tillKeyFile(tillDir)}`);
    expect(readFileSync(adminTokenFile(dataDir), 'utf8').trim()).toBe(token);
    second.child.kill('SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it('stops with a message when its port is taken', async () => {
    const run = await startProcessorProcess(['--port', '0', '--control-port', '0', '--data-dir', tempDir('processor')]);
    try {
      const port = new URL(run.url).port;
      await expect(startProcessorProcess(['--port', port, '--control-port', '0', '--data-dir', tempDir('processor')])).rejects.toThrow(/could not start.*EADDRINUSE/s);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });
});

describe('ensureDevProcessor', () => {
  it('starts the processor when none answers, gives the till a key, and reuses both the next time', async () => {
    const [port, controlPort] = [await freePort(), await freePort()];
    const dataDir = tempDir('processor');
    const tillDir = tempDir('till');
    const said: string[] = [];
    const options = { port, controlPort, dataDir, terminalId: 'T1', tillDataDir: tillDir, say: (line: string) => said.push(line) };
    const first = await ensureDevProcessor(options);
    try {
      expect(first.url).toBe(`http://127.0.0.1:${port}/`);
      expect(first.child).not.toBeNull();
      expect(first.problem).toBeNull();
      const saved = readTillKey(tillDir)!;
      expect(saved.url).toBe(first.url);
      expect(mode(tillKeyFile(tillDir))).toBe(0o600);
      expect((await processorClient(first.url, signingKeyOf(saved)).get(PROCESSOR_PATHS.health)).check.ok).toBe(true);

      const again = await ensureDevProcessor(options);
      expect(again).toEqual({ url: first.url, child: null, problem: null });
      expect(readTillKey(tillDir)).toEqual(saved);
      expect(said).toContain(`Card processor: terminal T1 keeps its key ${saved.keyId}`);

      // A till whose saved key the processor does not know (another processor's) gets a new one.
      const otherTill = tempDir('till');
      const foreign = newSigningKey('T1-foreign');
      writeTillKey(otherTill, { url: first.url, keyId: foreign.keyId, secret: foreign.secret });
      const replaced = await ensureDevProcessor({ ...options, tillDataDir: otherTill });
      expect(replaced.child).toBeNull();
      const renewed = readTillKey(otherTill)!;
      expect(renewed.keyId).toMatch(/^T1-/);
      expect(renewed.keyId).not.toBe(foreign.keyId);
      expect(renewed.keyId).not.toBe(saved.keyId);
      // So does a till dir whose key belongs to another terminal.
      await ensureDevProcessor({ ...options, terminalId: 'T2', tillDataDir: otherTill });
      expect(readTillKey(otherTill)!.keyId).toMatch(/^T2-/);
    } finally {
      if (first.child && first.child.exitCode === null) {
        const exited = once(first.child, 'exit');
        first.child.kill('SIGTERM');
        await exited;
      }
    }
  });
});
