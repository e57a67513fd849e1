/** The browser host over real HTTP and WebSocket on loopback, with a real till core behind it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../core/log';
import { openTempTill, type TempTill } from '../core/test-support/temp-till';
import { startBrowserHost, type BrowserHost } from './browser-host';

let till: TempTill;
let host: BrowserHost;

beforeAll(async () => {
  till = await openTempTill({ demo: true, demoProducts: 10 });
  const staticDir = path.join(till.dataDir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kassa</title>');
  writeFileSync(path.join(till.dataDir, 'secret.txt'), 'outside the static folder');
  host = await startBrowserHost({ core: till.core, port: 0, staticDir, log: createLogger('test') });
});
afterAll(async () => {
  await host.close();
  await till.dispose();
});

function call(name: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.url}api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

describe('browser host', () => {
  it('serves the renderer with a strict CSP and a channel cookie, and nothing outside its folder', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('set-cookie')).toMatch(/^kassa_channel=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict/);
    expect((await fetch(`${host.url}..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${host.url}%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('binds a login to the cookie that made it: another browser tab without it is not logged in', async () => {
    const login = await call('auth.login', { username: 'maria', secret: '4321' });
    const cookie = cookieOf(login);
    expect(await login.json()).toMatchObject({ ok: true, value: { user: { username: 'maria' } } });
    const mine = await (await call('users.list', {}, { Cookie: cookie })).json();
    expect(mine).toMatchObject({ ok: true });
    const stranger = await (await call('users.list', {})).json();
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('answers bad JSON, unknown commands and oversized bodies with typed errors', async () => {
    expect(await (await call('auth.login', '{"username":')).json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await (await call('nope', {})).json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    const big = await call('auth.login', { username: 'x', secret: 'y'.repeat(100_000) }).then((r) => r.json(), () => ({ ok: false, error: { code: 'BAD_INPUT' } }));
    expect(big).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('takes a catalog import chunk far above the 64 KB other commands may send', async () => {
    const cookie = cookieOf(await call('auth.login', { username: 'maria', secret: '4321' }));
    const started = await (await call('catalogImport.start', { fileName: 'big.csv' }, { Cookie: cookie })).json();
    expect(started).toMatchObject({ ok: true });
    const row = 'SKU-1,"Käse € ““quoted””, €€€€€€€€€€€€€€€€€€€€",1.00,Fruit\r\n';
    const text = `sku,name,price,category\r\n${row.repeat(Math.floor((256 * 1024 - 30) / row.length))}`;
    const chunk = await (await call('catalogImport.chunk', { jobId: started.value.jobId, seq: 0, text }, { Cookie: cookie })).json();
    expect(Buffer.byteLength(JSON.stringify({ text }))).toBeGreaterThan(400 * 1024);
    expect(chunk).toMatchObject({ ok: true, value: { chars: text.length } });
    await call('catalogImport.cancel', { jobId: started.value.jobId }, { Cookie: cookie });
  });

  it('refuses other web pages: foreign Origin, foreign Host, and non-JSON form posts', async () => {
    expect((await call('auth.status', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    const form = await fetch(`${host.url}api/call/auth.status`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    // fetch() will not send a forged Host header; a DNS-rebinding page would, so use plain http here.
    const rebound = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: host.port, path: '/api/health', headers: { Host: `evil.example:${host.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(rebound).toBe(421);
  });

  it('pushes session changes over the WebSocket to the screen they concern', async () => {
    const first = await call('auth.login', { username: 'clara', secret: '1234' });
    const cookie = cookieOf(first);
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}api/events`, { headers: { Cookie: cookie, Origin: host.url.slice(0, -1) } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const message = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    await call('auth.login', { username: 'carl', secret: '2345' });
    expect(await message).toEqual({ event: 'session.changed', payload: null });
    ws.close();
  });

  it('refuses a WebSocket from a foreign origin or without a channel', async () => {
    const foreign = new WebSocket(`${host.url.replace('http', 'ws')}api/events`, { headers: { Origin: 'http://evil.example', Cookie: `kassa_channel=${'a'.repeat(43)}` } });
    await expect(new Promise((resolve, reject) => foreign.once('open', resolve).once('error', reject))).rejects.toThrow(/403/);
    const anonymous = new WebSocket(`${host.url.replace('http', 'ws')}api/events`);
    await expect(new Promise((resolve, reject) => anonymous.once('open', resolve).once('error', reject))).rejects.toThrow(/403/);
  });
});
