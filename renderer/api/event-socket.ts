/**
 * The browser host's push channel: one WebSocket, reopened with growing back-off when it drops. An open that
 * follows a lost or failed connection is reported, because events sent while it was down are gone.
 */
import type { PushMessage } from '../../shared/api/events';

/** The part of the DOM WebSocket used here, so tests can hand in a fake. */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}

export interface EventSocketOptions {
  url: string;
  open: (url: string) => SocketLike;
  onMessage: (message: PushMessage) => void;
  onReconnect: () => void;
  minDelayMs?: number;
  maxDelayMs?: number;
  schedule?: (fn: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
}

export interface EventSocket {
  close(): void;
}

export function backoffDelay(failures: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, minMs * 2 ** Math.max(0, failures - 1));
}

export function parsePushMessage(data: unknown): PushMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const m = parsed as Record<string, unknown>;
    if (typeof m.event !== 'string' || !('payload' in m)) return null;
    return parsed as PushMessage;
  } catch {
    return null;
  }
}

export function connectEventSocket(options: EventSocketOptions): EventSocket {
  const { url, open, onMessage, onReconnect, minDelayMs = 500, maxDelayMs = 5000 } = options;
  const schedule = options.schedule ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = options.cancel ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let failures = 0;
  let lostOnce = false;
  let closed = false;
  let timer: unknown = null;
  let socket: SocketLike | null = null;

  const retry = (): void => {
    if (closed || timer !== null) return;
    failures += 1;
    lostOnce = true;
    timer = schedule(() => {
      timer = null;
      start();
    }, backoffDelay(failures, minDelayMs, maxDelayMs));
  };

  function start(): void {
    if (closed) return;
    let current: SocketLike;
    try {
      current = open(url);
    } catch (err) {
      console.warn('Kassa: could not open the event socket', err);
      retry();
      return;
    }
    socket = current;
    current.onopen = () => {
      failures = 0;
      if (lostOnce) onReconnect();
    };
    current.onmessage = (ev) => {
      const message = parsePushMessage(ev.data);
      if (message) onMessage(message);
      else console.warn('Kassa: ignored a push message it could not read', ev.data);
    };
    // A failed socket fires error then close; retrying on close alone avoids scheduling twice.
    current.onerror = () => undefined;
    current.onclose = () => {
      if (socket === current) socket = null;
      retry();
    };
  }

  start();
  return {
    close() {
      closed = true;
      if (timer !== null) cancel(timer);
      timer = null;
      socket?.close();
      socket = null;
    },
  };
}
