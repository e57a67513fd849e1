/**
 * `npm start`'s card processor step (ensureDevProcessor) when the processor is not simply there or simply absent:
 * slow, held by something else, refusing, unable to start. The step returns within a bounded time without
 * throwing, never starts a second processor on a port in use, keeps the key the till already has, and the till
 * then starts and sells for cash with the processor shown as unreachable.
 */
import { once } from 'node:events';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { PROCESSOR_PATHS } from '../shared/payments/processor-api';
import { newSigningKey } from '../shared/payments/signature';
import { makeTempDir as makeDir } from '../electron/core/test-support/temp-till';
import { runBrowserHost } from '../electron/host/run-browser-host';
import type { TillConfig } from '../electron/host/till-config';
import { ensureDevProcessor, type DevProcessor, type DevProcessorOptions } from './dev-processor';
import { killLeftoverProcessors, startProcessorProcess } from './test-support/processor-cli';
import { tillKeyFile, writeTillKey } from './till-key-file';

// Every process the step starts goes through here, so a test can tell whether it tried to start a processor.
const spawned = vi.hoisted(() => ({ commands: [] as string[][] }));
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  const spawn = ((command: string, args: readonly string[], ...rest: unknown[]) => {
    spawned.commands.push([command, ...args]);
    return (actual.spawn as (...a: unknown[]) => unknown)(command, args, ...rest);
  }) as typeof actual.spawn;
  return { ...actual, spawn, default: { ...actual, spawn } };
});

/** The step's answer must come within this, whatever the processor does (its own waits are 1 + 2 s here). */
const BOUND_MS = 15_000;

const servers: Server[] = [];
const sockets = new Set<Socket>();
const started: DevProcessor[] = [];
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  for (const { child } of started.splice(0)) {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
  spawned.commands.length = 0;
});
const dirs: string[] = [];
const makeTempDir = (prefix: string) => {
  const dir = makeDir(prefix);
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await killLeftoverProcessors();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as { port: number }).port;
}

/** A port nothing listens on (it was free a moment ago). */
async function freePort(): Promise<number> {
  const server = createTcpServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A till directory holding a key from an earlier start, and that file's bytes. */
function tillWithKey(url: string): { tillDataDir: string; keyText: string } {
  const tillDataDir = makeTempDir('kassa-launcher-till-');
  const key = newSigningKey('T1-earlier');
  writeTillKey(tillDataDir, { url, keyId: key.keyId, secret: key.secret });
  return { tillDataDir, keyText: readFileSync(tillKeyFile(tillDataDir), 'utf8') };
}

async function launch(port: number, tillDataDir: string, extra: Partial<DevProcessorOptions> = {}) {
  const said: string[] = [];
  const startedAt = Date.now();
  const result = await ensureDevProcessor({
    port,
    controlPort: extra.controlPort ?? (await freePort()),
    dataDir: makeTempDir('kassa-launcher-processor-'),
    terminalId: 'T1',
    tillDataDir,
    say: (line) => said.push(line),
    ...extra,
  });
  started.push(result);
  return { result, said, ms: Date.now() - startedAt };
}

/** The processor's port still belongs to the server the test put there: no second processor took it over. */
async function stillServedBy(server: Server): Promise<void> {
  expect(server.listening).toBe(true);
  expect(spawned.commands).toEqual([]);
}

describe('npm start with the card processor in a bad state', () => {
  it('starts the till when the processor answers only after 3 s, without starting a second one', async () => {
    const slow = createHttpServer((_request, response) => {
      setTimeout(() => response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":"bad_signature"}}'), 3_000);
    });
    const port = await listen(slow);
    const { tillDataDir, keyText } = tillWithKey(`http://127.0.0.1:${port}/`);
    const { result, said, ms } = await launch(port, tillDataDir);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result).toEqual({ url: `http://127.0.0.1:${port}/`, child: null, problem: expect.stringMatching(/does not answer within 2 s; no second processor/) });
    expect(said.at(-1)).toMatch(/The till starts anyway: cash sales work, cards follow the offline rules \(its saved key T1-earlier\S* is kept\)/);
    expect(readFileSync(tillKeyFile(tillDataDir), 'utf8')).toBe(keyText);
    await stillServedBy(slow);
  });

  it('starts the till when a plain TCP server holds the port and never answers', async () => {
    const silent = createTcpServer(() => undefined);
    const port = await listen(silent);
    const { tillDataDir, keyText } = tillWithKey(`http://127.0.0.1:${port}/`);
    const { result, ms } = await launch(port, tillDataDir);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result.child).toBeNull();
    expect(result.problem).toMatch(/something listens at .* but does not answer within 2 s/);
    expect(readFileSync(tillKeyFile(tillDataDir), 'utf8')).toBe(keyText);
    await stillServedBy(silent);
  });

  it('starts the till when whatever holds the port hangs up on every request', async () => {
    const refusing = createTcpServer((socket) => socket.destroy());
    const port = await listen(refusing);
    const { tillDataDir, keyText } = tillWithKey(`http://127.0.0.1:${port}/`);
    const { result, ms } = await launch(port, tillDataDir);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result.problem).toMatch(/something listens at .* but cannot be asked/);
    expect(readFileSync(tillKeyFile(tillDataDir), 'utf8')).toBe(keyText);
    await stillServedBy(refusing);
  });

  it('starts the till when another kind of server answers on the port', async () => {
    const other = createHttpServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>printer</h1>'));
    const port = await listen(other);
    const tillDataDir = makeTempDir('kassa-launcher-till-');
    const { result, said } = await launch(port, tillDataDir);
    expect(result.problem).toMatch(/answers HTTP 200, not as a Kassa card processor/);
    expect(said.at(-1)).toMatch(/this till has no processor key, so cards are refused until it has one/);
    await stillServedBy(other);
  });

  it('starts no processor when only its control port is in use', async () => {
    const controlHolder = createTcpServer(() => undefined);
    const controlPort = await listen(controlHolder);
    const port = await freePort();
    const { result } = await launch(port, makeTempDir('kassa-launcher-till-'), { controlPort });
    expect(result.problem).toMatch(new RegExp(`control port ${controlPort} is in use`));
    await stillServedBy(controlHolder);
  });

  it('starts the till when the processor it starts stops at once', async () => {
    const port = await freePort();
    const { tillDataDir, keyText } = tillWithKey(`http://127.0.0.1:${port}/`);
    // A data directory that is a file: the processor cannot start there.
    const dataDir = path.join(makeTempDir('kassa-launcher-processor-'), 'a-file');
    writeFileSync(dataDir, '');
    const { result, ms } = await launch(port, tillDataDir, { dataDir });
    expect(ms).toBeLessThan(30_000);
    expect(spawned.commands).toHaveLength(1);
    expect(result).toEqual({ url: `http://127.0.0.1:${port}/`, child: null, problem: expect.stringMatching(/started here stopped \(exit 1\)/) });
    expect(readFileSync(tillKeyFile(tillDataDir), 'utf8')).toBe(keyText);
  });

  it('starts the till beside a processor that was not started from its data directory, keeping its key', async () => {
    const run = await startProcessorProcess(['--port', '0', '--control-port', '0', '--data-dir', makeTempDir('kassa-launcher-processor-')]);
    spawned.commands.length = 0; // that one is the test's own
    try {
      const port = Number(new URL(run.url).port);
      const { tillDataDir, keyText } = tillWithKey(run.url);
      const { result } = await launch(port, tillDataDir, { controlPort: Number(new URL(run.controlUrl).port), dataDir: makeTempDir('kassa-launcher-elsewhere-') });
      expect(result.child).toBeNull();
      expect(result.problem).toMatch(/was not started from/);
      expect(spawned.commands).toEqual([]);
      expect(readFileSync(tillKeyFile(tillDataDir), 'utf8')).toBe(keyText);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });
});

describe('a till started after that', () => {
  it('sells for cash and shows the processor as unreachable, with its key kept', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const dir = makeTempDir('kassa-launcher-host-');
    const { tillDataDir, keyText } = tillWithKey(`http://127.0.0.1:${port}/`);
    const processorDataDir = path.join(dir, 'processor-file');
    writeFileSync(processorDataDir, '');
    const { result } = await launch(port, tillDataDir, { dataDir: processorDataDir });
    expect(result.problem).not.toBeNull();

    const staticDir = path.join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kassa</title>');
    const config: TillConfig = {
      terminalId: 'T1',
      port: 0,
      dataDir: tillDataDir,
      demo: true,
      demoProducts: 20,
      couchUrl: null,
      dbPrefix: 'kassa_',
      serverPort: 0,
      serverDataDir: path.join(dir, 'server'),
      embeddedServer: false,
      processorPort: port,
      processorControlPort: 1,
      processorDataDir,
      embeddedProcessor: true,
    };
    const till = await runBrowserHost(config, staticDir);
    try {
      let cookie = '';
      const call = async <T>(name: string, input: unknown): Promise<T> => {
        const response = await fetch(`${till.host.url}api/call/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
          body: JSON.stringify(input),
        });
        cookie ||= response.headers.get('set-cookie')?.split(';')[0] ?? '';
        const answer = (await response.json()) as { ok: boolean; value: T; error?: unknown };
        expect(answer, name).toMatchObject({ ok: true });
        return answer.value;
      };
      await call('auth.login', { username: 'clara', secret: '1234' });
      const { items } = await call<{ items: { barcode: string }[] }>('catalog.search', { query: '', limit: 5 });
      const cart = await call<{ revision: number; total: number }>('cart.scan', { code: items.find((p) => p.barcode)!.barcode });
      const paid = await call<{ receipt: { payments: { method: string; status: string }[] } }>('checkout.pay', {
        cartRevision: cart.revision,
        tenders: [{ method: 'cash', amount: cart.total + 1_000 }],
      });
      expect(paid.receipt.payments).toEqual([expect.objectContaining({ method: 'cash', status: 'captured' })]);
      await vi.waitFor(async () => expect((await call<{ processor: string }>('payments.status', {})).processor).toBe('unreachable'), { timeout: 30_000, interval: 200 });
      expect(readFileSync(tillKeyFile(tillDataDir), 'utf8')).toBe(keyText);
    } finally {
      await till.stop();
    }
  });
});
