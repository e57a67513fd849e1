/**
 * What screens use: `api.call(name, input)` and `api.subscribe(event, fn)`. Never throws. Every refusal is also
 * reported to the app-wide listeners, so a lost session or a restarting till core is handled in one place
 * wherever the call came from.
 */
import type { CommandInput, CommandName, CommandResult } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/errors';
import type { PushEventName, PushEvents } from '../../shared/api/events';
import { getBridge } from './bridge';
import { UNAVAILABLE } from './http-bridge';

export type RefusalListener = (name: CommandName, error: ApiError) => void;

const refusalListeners = new Set<RefusalListener>();

/** Hears every refused call, before its caller does; returns the way to stop. */
export function onRefusal(listener: RefusalListener): () => void {
  refusalListeners.add(listener);
  return () => {
    refusalListeners.delete(listener);
  };
}

function reportRefusal(name: CommandName, error: ApiError): void {
  for (const listener of refusalListeners) {
    try {
      listener(name, error);
    } catch (err) {
      console.error(`Kassa: a listener failed on the refusal of ${name} (${error.code})`, err);
    }
  }
}

async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<ApiResult<CommandResult<K>>> {
  let result: ApiResult<CommandResult<K>>;
  try {
    result = await getBridge().call(name, input);
  } catch (err) {
    console.error(`Kassa: ${name} failed in the transport`, err);
    result = { ok: false, error: UNAVAILABLE };
  }
  if (!result.ok) reportRefusal(name, result.error);
  return result;
}

function subscribe<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
  return getBridge().subscribe(event, listener);
}

export const api = { call, subscribe };
