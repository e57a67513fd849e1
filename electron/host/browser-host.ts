/**
 * The browser host: serves the built renderer and the till core's API on 127.0.0.1, for machines where the
 * Electron binary is missing and for end-to-end tests. HTTP POST carries commands, a WebSocket carries pushes.
 * A screen is identified by an HttpOnly cookie that names its channel; the core binds sessions to channels.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { commands, isCommandName } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import type { PushMessage } from '../../shared/api/events';
import type { TillCore } from '../core/api/till-core-types';
import type { Logger } from '../core/log';
import { allowedHosts, hostIsOurs, isJsonRequest, originIsOurs, SECURITY_HEADERS } from './request-guards';
import { readStatic } from './static-files';

export interface BrowserHostOptions {
  core: TillCore;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  log: Logger;
  /** More for `/api/health` (loopback only; no secrets): e.g. the core process's state. */
  health?: () => Record<string, unknown>;
  /** Pushed to each screen as its socket opens: what it cannot have heard yet (e.g. that the core is restarting). */
  greeting?: () => PushMessage[];
}

export interface BrowserHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const COOKIE = 'kassa_channel';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_BODY_BYTES = 64 * 1024;
const CALL_PREFIX = '/api/call/';

function channelToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE && value && TOKEN_PATTERN.test(value)) return value;
  }
  return null;
}

/** The request's channel token, issuing a new one (as a Set-Cookie header) when it has none. */
function ensureChannel(req: IncomingMessage, res: ServerResponse): string {
  const existing = channelToken(req);
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
  return token;
}

const channelId = (token: string) => `http:${token}`;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendResult(res: ServerResponse, result: ApiResult<unknown>): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBrowserHost({ core, port, staticDir, log, health, greeting }: BrowserHostOptions): Promise<BrowserHost> {
  let hosts = allowedHosts(port);
  const sockets = new Map<string, Set<WebSocket>>();

  async function handleCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!isJsonRequest(req)) return send(res, 415, 'text/plain', 'API calls must be application/json');
    const token = ensureChannel(req, res);
    const body = await readBody(req, (isCommandName(name) ? commands[name].maxRequestBytes : undefined) ?? MAX_BODY_BYTES);
    if (body === null) {
      return sendResult(res, { ok: false, error: { code: 'BAD_INPUT', message: 'The request is too large.' } });
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendResult(res, { ok: false, error: { code: 'BAD_INPUT', message: 'The request is not valid JSON.' } });
    }
    sendResult(res, await core.dispatch(channelId(token), name, input));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostIsOurs(req, hosts)) return send(res, 421, 'text/plain', 'Wrong host');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(CALL_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST');
      if (!originIsOurs(req, hosts)) return send(res, 403, 'text/plain', 'Cross-origin calls are refused');
      return handleCall(req, res, decodeURIComponent(url.pathname.slice(CALL_PREFIX.length)));
    }
    if (url.pathname === '/api/health') {
      return send(res, 200, 'application/json', JSON.stringify({ ok: true, terminalId: core.terminalId, ...health?.() }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    // Paths without a file extension are screens of the single-page app.
    const wanted = /\.[a-z0-9]+$/i.test(url.pathname) ? url.pathname : '/index.html';
    const file = await readStatic(staticDir, wanted);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    if (wanted === '/index.html') ensureChannel(req, res);
    send(res, 200, file.type, file.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('Browser host request failed', { path: req.url, error });
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
      else res.end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket, head) => {
    const token = channelToken(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/api/events' || !hostIsOurs(req, hosts) || !originIsOurs(req, hosts) || !token) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const id = channelId(token);
      const set = sockets.get(id) ?? new Set<WebSocket>();
      set.add(ws);
      sockets.set(id, set);
      ws.on('close', () => {
        set.delete(ws);
        if (set.size === 0) sockets.delete(id);
      });
      // Screens only listen; anything they send is ignored.
      ws.on('message', () => undefined);
      for (const message of greeting?.() ?? []) ws.send(JSON.stringify(message));
    });
  });

  const stopPush = core.onPush(({ channelId: target, message }) => {
    const data = JSON.stringify(message);
    const targets = target === null ? [...sockets.values()].flatMap((s) => [...s]) : [...(sockets.get(target) ?? [])];
    for (const ws of targets) if (ws.readyState === ws.OPEN) ws.send(data);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  hosts = allowedHosts(actualPort);

  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    async close() {
      stopPush();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
