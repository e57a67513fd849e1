/** Live data the core pushes to screens. Same shape over Electron IPC and the browser host's WebSocket. */
import type { CatalogSummary, SessionInfo } from './contract';

export interface PushEvents {
  'session.changed': SessionInfo | null;
  'catalog.changed': CatalogSummary;
}
export type PushEventName = keyof PushEvents;
export interface PushMessage<K extends PushEventName = PushEventName> {
  event: K;
  payload: PushEvents[K];
}
