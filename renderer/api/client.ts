/**
 * What screens use: `api.call(name, input)` and `api.subscribe(event, fn)`. Never throws; a call that finds no
 * session reports it, so the app can return to the login screen wherever the session was lost.
 */
import type { CommandInput, CommandName, CommandResult } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import type { PushEventName, PushEvents } from '../../shared/api/events';
import { getBridge } from './bridge';
import { UNAVAILABLE } from './http-bridge';

let onSessionLost: () => void = () => undefined;

export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler;
}

async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<ApiResult<CommandResult<K>>> {
  let result: ApiResult<CommandResult<K>>;
  try {
    result = await getBridge().call(name, input);
  } catch (err) {
    console.error(`Kassa: ${name} failed in the transport`, err);
    return { ok: false, error: UNAVAILABLE };
  }
  if (!result.ok && result.error.code === 'NOT_LOGGED_IN') onSessionLost();
  return result;
}

function subscribe<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
  return getBridge().subscribe(event, listener);
}

export const api = { call, subscribe };
