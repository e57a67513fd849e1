/**
 * Picks the transport once: the object the Electron preload exposed as `window.kassa`, or else the browser host's
 * HTTP + WebSocket bridge on the page's own origin.
 */
import type { KassaBridge } from '../../shared/api/transport';
import { createHttpBridge } from './http-bridge';
import type { SocketLike } from './event-socket';

let bridge: KassaBridge | null = null;

function isBridge(value: unknown): value is KassaBridge {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.call === 'function' && typeof v.subscribe === 'function';
}

export function getBridge(): KassaBridge {
  if (bridge) return bridge;
  const exposed: unknown = (window as unknown as { kassa?: unknown }).kassa;
  bridge = isBridge(exposed)
    ? exposed
    : createHttpBridge({
        origin: window.location.origin,
        fetch: window.fetch.bind(window),
        openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      });
  return bridge;
}
