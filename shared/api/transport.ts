/**
 * What a host offers the renderer. The preload exposes exactly this object through contextBridge; the browser
 * host's HTTP client implements the same interface, so screens never know which one they talk to.
 */
import type { ApiResult } from './errors';
import type { CommandInput, CommandName, CommandResult } from './contract';
import type { PushEventName, PushEvents } from './events';

export interface KassaBridge {
  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<ApiResult<CommandResult<K>>>;
  subscribe<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}

/** The IPC channel names: the only two the preload uses. */
export const IPC_CALL = 'kassa:call';
export const IPC_PUSH = 'kassa:push';
