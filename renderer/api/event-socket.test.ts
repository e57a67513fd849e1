import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, connectEventSocket, parsePushMessage, type SocketLike } from './event-socket';

class FakeSocket implements SocketLike {
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  closed = false;
  close() {
    this.closed = true;
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const messages: unknown[] = [];
  const onReconnect = vi.fn();
  const events = connectEventSocket({
    url: 'ws://till/api/events',
    open: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    onMessage: (m) => messages.push(m),
    onReconnect,
    schedule: (fn, ms) => timers.push({ fn, ms }),
    cancel: () => undefined,
  });
  const runTimer = () => timers.shift()!.fn();
  return { sockets, timers, messages, onReconnect, events, runTimer };
}

describe('backoffDelay', () => {
  it('doubles from 0.5 s and stops at 5 s', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 500, 5000))).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });
});

describe('parsePushMessage', () => {
  it('reads a push message and rejects anything else', () => {
    expect(parsePushMessage('{"event":"session.changed","payload":null}')).toEqual({ event: 'session.changed', payload: null });
    expect(parsePushMessage('{"event":"session.changed"}')).toBeNull();
    expect(parsePushMessage('not json')).toBeNull();
    expect(parsePushMessage(42)).toBeNull();
  });
});

describe('connectEventSocket', () => {
  it('delivers messages and does not report the first open as a reconnect', () => {
    const h = harness();
    h.sockets[0]!.onopen?.({});
    h.sockets[0]!.onmessage?.({ data: '{"event":"catalog.changed","payload":{"products":3,"categories":1}}' });
    expect(h.messages).toEqual([{ event: 'catalog.changed', payload: { products: 3, categories: 1 } }]);
    expect(h.onReconnect).not.toHaveBeenCalled();
  });

  it('reopens with growing delays after failures and reports the reconnect once open', () => {
    const h = harness();
    h.sockets[0]!.onopen?.({});
    h.sockets[0]!.onclose?.({});
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
    h.runTimer();
    h.sockets[1]!.onerror?.({});
    h.sockets[1]!.onclose?.({});
    expect(h.timers.map((t) => t.ms)).toEqual([1000]);
    h.runTimer();
    h.sockets[2]!.onopen?.({});
    expect(h.onReconnect).toHaveBeenCalledTimes(1);
    // A fresh drop after a good open starts again from the shortest delay.
    h.sockets[2]!.onclose?.({});
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
  });

  it('treats a first connection that only succeeds later as a reconnect', () => {
    const h = harness();
    h.sockets[0]!.onclose?.({});
    h.runTimer();
    h.sockets[1]!.onopen?.({});
    expect(h.onReconnect).toHaveBeenCalledTimes(1);
  });

  it('stops for good when closed', () => {
    const h = harness();
    h.events.close();
    expect(h.sockets[0]!.closed).toBe(true);
    h.sockets[0]!.onclose?.({});
    expect(h.timers).toHaveLength(0);
  });
});
