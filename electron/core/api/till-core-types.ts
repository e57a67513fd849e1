/**
 * How a host (Electron IPC or the browser host) talks to the till core. A *channel* is one connected screen:
 * a webContents in Electron, a cookie-identified browser tab in the browser host. Sessions are bound to channels,
 * so a command is always judged by who is logged in on the screen that sent it.
 */
import type { ApiResult } from '../../../shared/api/errors';
import type { CommandName } from '../../../shared/api/contract';
import type { PushMessage } from '../../../shared/api/events';
import type { CardProcessor } from '../payments/card-processor';
import type { ReconcilerTiming } from '../payments/reconciler-timing';
import type { SyncSettings } from '../sync/sync-settings';
import type { StoreCalendar } from '../../../shared/reports/store-calendar';

export type ChannelId = string;

export interface PushTarget {
  /** null: every open channel. */
  channelId: ChannelId | null;
  message: PushMessage;
}

export interface TillCore {
  readonly terminalId: string;
  /** Never throws: bad input, unknown commands and internal failures all come back as `{ ok: false, error }`. */
  dispatch(channelId: ChannelId, name: CommandName | string, rawInput: unknown): Promise<ApiResult<unknown>>;
  /** Push events for screens; returns an unsubscribe function. */
  onPush(listener: (target: PushTarget) => void): () => void;
  /** A screen went away (window closed, socket gone for good): its session ends. */
  closeChannel(channelId: ChannelId): void;
  close(): Promise<void>;
}

export interface TillCoreOptions {
  dataDir: string;
  terminalId: string;
  /** Seed demo users and a demo catalog into an empty store. */
  demo: boolean;
  /** Products in the demo catalog (default 2,000). */
  demoProducts?: number;
  now?: () => number;
  /** Replication with the store's CouchDB (electron/core/sync). Absent: the till reports sync as not configured. */
  sync?: SyncSettings;
  /**
   * The card processor (tests inject one; null: none). Absent: the one named in the data directory's
   * processor-key.json, if there is one.
   */
  processor?: CardProcessor | null;
  /** How long a card request may take at the counter before it counts as unknown (default 15 s). */
  processorTimeoutMs?: number;
  /** Forwarding of cards taken offline (tests make it quick). */
  paymentTiming?: Partial<ReconcilerTiming>;
  /** How the sales figures are built (tests and benchmarks: batch size, calendar). */
  figures?: SalesFiguresOptions;
  /** How often the terminal's status is written (tests: shorter). */
  terminalStatus?: TerminalStatusOptions;
}

/** How the sales figures are built (electron/core/reports/sales-figures.ts). */
export interface SalesFiguresOptions {
  /** Sales read per batch of the rebuild (default 1,000). */
  batch?: number;
  calendar?: StoreCalendar;
  /** Least time between two `reports.changed` pushes (default 100 ms). */
  pushMs?: number;
}

/** How often the terminal's status is looked at and written (electron/core/reports/terminal-status.ts). */
export interface TerminalStatusOptions {
  /** Longest time between two writes while nothing changes (default 60 s). */
  heartbeatMs?: number;
  /** How often the till looks whether something changed (default 10 s). */
  checkMs?: number;
}
