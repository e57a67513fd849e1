/** Live data the core pushes to screens. Same shape over Electron IPC and the browser host's WebSocket. */
import type { AuthEvents } from './commands/auth-commands';
import type { CatalogEvents } from './commands/catalog-commands';
import type { CatalogIoEvents } from './commands/catalog-io-commands';
import type { ReportsEvents } from './commands/reports-commands';
import type { PaymentsEvents } from './commands/payments-commands';
import type { SellingEvents } from './commands/selling-commands';
import type { ShiftsEvents } from './commands/shifts-commands';
import type { SyncEvents } from './commands/sync-commands';
import type { CoreEvents } from './core-state';

export interface PushEvents extends AuthEvents, CatalogEvents, SellingEvents, SyncEvents, ReportsEvents, ShiftsEvents, CoreEvents, PaymentsEvents, CatalogIoEvents {}
export type PushEventName = keyof PushEvents;
export interface PushMessage<K extends PushEventName = PushEventName> {
  event: K;
  payload: PushEvents[K];
}
