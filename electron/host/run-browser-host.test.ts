/**
 * The browser host as `npm start` runs it: this process serves HTTP and WebSocket, the till core runs in a child
 * process. A screen's socket is told the core's state when it opens and whenever the core restarts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { PushMessage } from '../../shared/api/events';
import { makeTempDir } from '../core/test-support/temp-till';
import { runBrowserHost } from './run-browser-host';
import type { TillConfig } from './till-config';

let dir = '';
let till: Awaited<ReturnType<typeof runBrowserHost>>;

beforeAll(async () => {
  dir = makeTempDir();
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kassa</title>');
  const config: TillConfig = {
    terminalId: 'T1',
    port: 0,
    dataDir: path.join(dir, 'till'),
    demo: true,
    demoProducts: 20,
    couchUrl: null,
    dbPrefix: 'kassa_',
    serverPort: 0,
    serverDataDir: path.join(dir, 'server'),
    embeddedServer: false,
    processorPort: 1,
    processorControlPort: 1,
    processorDataDir: path.join(dir, 'processor'),
    embeddedProcessor: false,
  };
  till = await runBrowserHost(config, staticDir);
}, 60_000);
afterAll(async () => {
  await till?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser host with the core in its own process', () => {
  it('tells a screen the core is ready when it connects, and that it restarts when it dies', { timeout: 90_000 }, async () => {
    const { url } = till.host;
    const health = async () => ((await (await fetch(`${url}api/health`)).json()) as { core: { state: string; pid: number; restarts: number } }).core;
    const before = await health();
    expect(before).toMatchObject({ state: 'ready', restarts: 0 });
    expect(before.pid).not.toBe(process.pid);

    const login = await fetch(`${url}api/call/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'clara', secret: '1234' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(((await login.json()) as { ok: boolean }).ok).toBe(true);
    const heard: PushMessage[] = [];
    const ws = new WebSocket(`${url.replace('http', 'ws')}api/events`, { headers: { Cookie: cookie, Origin: url.slice(0, -1) } });
    ws.on('message', (data) => heard.push(JSON.parse(String(data)) as PushMessage));
    await vi.waitFor(() => expect(heard[0]).toEqual({ event: 'core.state', payload: expect.objectContaining({ state: 'ready', restarts: 0 }) }));

    process.kill(before.pid, 'SIGKILL');
    await vi.waitFor(() => expect(heard.filter((m) => m.event === 'core.state').map((m) => (m.payload as { state: string }).state)).toEqual(['ready', 'restarting', 'ready']), {
      timeout: 60_000,
      interval: 50,
    });
    expect(heard).toContainEqual({ event: 'session.changed', payload: null });
    expect(await health()).toMatchObject({ state: 'ready', restarts: 1 });
    const status = await fetch(`${url}api/call/auth.status`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' });
    expect(await status.json()).toMatchObject({ ok: true, value: { session: null } });
    ws.close();
  });
});
