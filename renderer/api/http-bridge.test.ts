import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SocketLike } from './event-socket';
import { createHttpBridge, eventsUrl, UNAVAILABLE } from './http-bridge';

function fakeSocket(): SocketLike {
  return { onopen: null, onmessage: null, onclose: null, onerror: null, close: () => undefined };
}

function bridgeWith(fetchImpl: (url: URL, init: RequestInit) => Promise<Response>, sockets: SocketLike[] = []) {
  return createHttpBridge({
    origin: 'http://127.0.0.1:5000',
    fetch: vi.fn(fetchImpl) as unknown as typeof fetch,
    openSocket: () => {
      const s = fakeSocket();
      sockets.push(s);
      return s;
    },
  });
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createHttpBridge', () => {
  beforeEach(() => {
    // The bridge logs failures for IT; the tests provoke them on purpose.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    return () => vi.restoreAllMocks();
  });

  it('POSTs the input as JSON to /api/call/<name> and returns the ApiResult', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const bridge = bridgeWith(async (url, init) => {
      seen.push({ url: url.toString(), init });
      return json({ ok: true, value: { products: 2, categories: 1 } });
    });
    await expect(bridge.call('catalog.summary', {})).resolves.toEqual({ ok: true, value: { products: 2, categories: 1 } });
    expect(seen[0]!.url).toBe('http://127.0.0.1:5000/api/call/catalog.summary');
    expect(seen[0]!.init).toMatchObject({ method: 'POST', body: '{}', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' } });
  });

  it('passes API errors through unchanged', async () => {
    const error = { code: 'WRONG_CREDENTIALS', message: 'Wrong user name, PIN or password.' };
    const bridge = bridgeWith(async () => json({ ok: false, error }));
    await expect(bridge.call('auth.login', { username: 'clara', secret: '0000' })).resolves.toEqual({ ok: false, error });
  });

  it('reports a network failure or a non-200 answer as UNAVAILABLE', async () => {
    const down = bridgeWith(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(down.call('auth.status', {})).resolves.toEqual({ ok: false, error: UNAVAILABLE });
    const broken = bridgeWith(async () => new Response('Internal error', { status: 500 }));
    await expect(broken.call('auth.status', {})).resolves.toEqual({ ok: false, error: UNAVAILABLE });
  });

  it('reports an unreadable answer as INTERNAL', async () => {
    const bridge = bridgeWith(async () => new Response('<html>', { status: 200 }));
    const result = await bridge.call('auth.status', {});
    expect(result.ok === false && result.error.code).toBe('INTERNAL');
  });

  it('delivers pushed events to subscribers until they unsubscribe', () => {
    const sockets: SocketLike[] = [];
    const bridge = bridgeWith(async () => json({ ok: true, value: null }), sockets);
    const seen: unknown[] = [];
    const stop = bridge.subscribe('session.changed', (s) => seen.push(s));
    sockets[0]!.onmessage?.({ data: '{"event":"session.changed","payload":null}' });
    stop();
    sockets[0]!.onmessage?.({ data: '{"event":"session.changed","payload":null}' });
    expect(seen).toEqual([null]);
  });

  it('after a reconnect re-reads auth.status and replays the session to subscribers', async () => {
    vi.useFakeTimers();
    try {
      const sockets: SocketLike[] = [];
      const session = { user: { id: 'u1' }, terminalId: 'T1', startedAt: '2026-01-01T00:00:00Z' };
      const bridge = bridgeWith(async (url) => {
        if (url.pathname.endsWith('auth.status')) return json({ ok: true, value: { session } });
        return json({ ok: true, value: { products: 7, categories: 2 } });
      }, sockets);
      const sessions: unknown[] = [];
      const catalogs: unknown[] = [];
      bridge.subscribe('session.changed', (s) => sessions.push(s));
      bridge.subscribe('catalog.changed', (c) => catalogs.push(c));
      sockets[0]!.onopen?.({});
      sockets[0]!.onclose?.({});
      await vi.advanceTimersByTimeAsync(500);
      sockets[1]!.onopen?.({});
      await vi.waitFor(() => expect(catalogs).toHaveLength(1));
      expect(sessions).toEqual([session]);
      expect(catalogs).toEqual([{ products: 7, categories: 2 }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('after a reconnect that finds the core restarting, reports the restart and the end of the session', async () => {
    vi.useFakeTimers();
    try {
      const sockets: SocketLike[] = [];
      const bridge = bridgeWith(async () => json({ ok: false, error: { code: 'RESTARTING', message: 'The till is restarting: it stopped unexpectedly.' } }), sockets);
      const states: unknown[] = [];
      const sessions: unknown[] = [];
      bridge.subscribe('core.state', (s) => states.push(s));
      bridge.subscribe('session.changed', (s) => sessions.push(s));
      sockets[0]!.onopen?.({});
      // The host said it restarted once before; the page then lost its socket during the second restart.
      sockets[0]!.onmessage?.({ data: JSON.stringify({ event: 'core.state', payload: { state: 'ready', message: 'The till is ready.', restarts: 1 } }) });
      sockets[0]!.onclose?.({});
      await vi.advanceTimersByTimeAsync(500);
      sockets[1]!.onopen?.({});
      await vi.waitFor(() => expect(sessions).toEqual([null]));
      expect(states.at(-1)).toEqual({ state: 'restarting', message: 'The till is restarting: it stopped unexpectedly.', restarts: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('eventsUrl', () => {
  it('uses ws:// or wss:// on the same host', () => {
    expect(eventsUrl('http://127.0.0.1:5291')).toBe('ws://127.0.0.1:5291/api/events');
    expect(eventsUrl('https://till.local')).toBe('wss://till.local/api/events');
  });
});
