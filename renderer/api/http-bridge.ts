/**
 * The browser host's transport: each command is `POST /api/call/<name>` answered by a JSON ApiResult; push events
 * come over the WebSocket at /api/events. The host knows the screen by a cookie it sets itself.
 */
import type { CoreState } from '../../shared/api/core-state';
import type { ApiError, ApiResult } from '../../shared/api/errors';
import type { PushEventName, PushEvents, PushMessage } from '../../shared/api/events';
import type { KassaBridge } from '../../shared/api/transport';
import { connectEventSocket, type SocketLike } from './event-socket';

export const UNAVAILABLE: ApiError = {
  code: 'UNAVAILABLE',
  message: 'The till service is not answering. Check that Kassa is running.',
};
const UNREADABLE: ApiError = {
  code: 'INTERNAL',
  message: 'The till service sent an answer Kassa could not read. Restart Kassa; if it keeps happening, call IT.',
};

export interface HttpBridgeOptions {
  /** http(s)://host:port of the browser host; the page's own origin by default. */
  origin: string;
  fetch: typeof fetch;
  openSocket: (url: string) => SocketLike;
}

type Listener = (payload: never) => void;

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

export function eventsUrl(origin: string): string {
  const url = new URL('/api/events', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function createHttpBridge(options: HttpBridgeOptions): KassaBridge {
  const listeners = new Map<PushEventName, Set<Listener>>();

  // The last core state pushed, for a catch-up that finds the core restarting.
  let lastCoreState: CoreState | null = null;

  const emit = (message: PushMessage): void => {
    if (message.event === 'core.state') lastCoreState = message.payload as CoreState;
    for (const listener of listeners.get(message.event) ?? []) {
      try {
        (listener as (payload: unknown) => void)(message.payload);
      } catch (err) {
        console.error(`Kassa: a screen failed while handling "${message.event}"`, err);
      }
    }
  };

  const call: KassaBridge['call'] = async (name, input) => {
    let response: Response;
    try {
      response = await options.fetch(new URL(`/api/call/${encodeURIComponent(name)}`, options.origin), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      });
    } catch (err) {
      console.warn(`Kassa: ${name} did not reach the till service`, err);
      return { ok: false, error: UNAVAILABLE };
    }
    if (response.status !== 200) {
      console.warn(`Kassa: ${name} answered HTTP ${response.status}`);
      return { ok: false, error: UNAVAILABLE };
    }
    try {
      const body: unknown = await response.json();
      if (isApiResult(body)) return body as Awaited<ReturnType<KassaBridge['call']>>;
      console.error(`Kassa: ${name} answered something that is not an ApiResult`, body);
    } catch (err) {
      console.error(`Kassa: ${name} answered with unreadable JSON`, err);
    }
    return { ok: false, error: UNREADABLE };
  };

  // Events missed while the socket was down: the session may have ended, the catalog changed, or the core died
  // and is restarting (the host says so once, as it happens; a page that missed it learns it from the refusal).
  const catchUp = async (): Promise<void> => {
    const status = await call('auth.status', {});
    if (!status.ok) {
      if (status.error.code === 'RESTARTING') {
        // How many restarts were missed is not known: the count stays the last one heard.
        emit({ event: 'core.state', payload: { state: 'restarting', message: status.error.message, restarts: lastCoreState?.restarts ?? 0 } });
        // Sessions lived in the core that died.
        emit({ event: 'session.changed', payload: null });
      }
      return;
    }
    emit({ event: 'session.changed', payload: status.value.session });
    if (!status.value.session) return;
    const summary = await call('catalog.summary', {});
    if (summary.ok) emit({ event: 'catalog.changed', payload: summary.value });
  };

  connectEventSocket({
    url: eventsUrl(options.origin),
    open: options.openSocket,
    onMessage: emit,
    onReconnect: () => void catchUp(),
  });

  return {
    call,
    subscribe<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}
