/**
 * What the host (Electron main, or the browser host) and the till core say to each other across the process
 * boundary. Messages are structured-cloned (Node's advanced IPC serialization, Electron's MessagePort), one
 * channel each way, in order: a message the core sends before a call's result is handled before that result.
 */
import type { ApiResult } from '../../../shared/api/errors';
import type { SyncCredentials } from '../../../shared/sync/sync-credentials';
import type { ChannelId, PushTarget, TillCoreOptions } from '../api/till-core-types';
import type { SyncSettings } from '../sync/sync-settings';

/**
 * Where the core finds the terminal's sync account. `file`: the 0600 file in the data directory, which the core
 * reads and writes itself (browser host). `relayed`: the host keeps it (Electron encrypts it with the OS keychain,
 * which only main can reach); the core gets it at start and sends every change back as a `credentials` message.
 */
export type CredentialsSource = { kind: 'file' } | { kind: 'relayed'; current: SyncCredentials | null; location: string };

/** TillCoreOptions as data: no functions cross the boundary (the clock, the processor and the stores are the core's own). */
export interface CoreStartOptions extends Omit<TillCoreOptions, 'now' | 'sync' | 'processor' | 'paymentTiming'> {
  sync: Omit<SyncSettings, 'credentials'> & { credentials: CredentialsSource };
}

export type HostMessage =
  | { type: 'start'; options: CoreStartOptions }
  | { type: 'call'; id: number; channelId: ChannelId; name: string; input: unknown }
  | { type: 'closeChannel'; channelId: ChannelId }
  | { type: 'ping'; id: number }
  | { type: 'close' };

export type CoreMessage =
  | { type: 'ready'; terminalId: string }
  | { type: 'startFailed'; message: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'push'; target: PushTarget }
  | { type: 'credentials'; credentials: SyncCredentials | null }
  | { type: 'pong'; id: number }
  | { type: 'closed' };
