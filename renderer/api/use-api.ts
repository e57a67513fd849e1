/** React glue for the API client: live push events and "load this, reload on demand" reads. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandResult } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/errors';
import type { PushEventName, PushEvents } from '../../shared/api/events';
import { api } from './client';

export function usePushEvent<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.subscribe(event, (payload) => latest.current(payload)), [event]);
}

export interface CommandRead<T> {
  value: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the value directly, e.g. from a push event carrying the new value. */
  set: (value: T) => void;
}

/** Runs a read-only command on mount and whenever `reload` is called. `input` is read at call time. */
export function useCommand<K extends CommandName>(name: K, input: CommandInput<K>): CommandRead<CommandResult<K>> {
  return useRead((i: CommandInput<K>) => api.call(name, i), name, input);
}

/**
 * The mechanism behind the read hooks: `read(input)` on mount, on `reload`, and when `key` changes; the newest
 * `read` and `input` are used at call time. A failed read keeps the last value and reports the error.
 */
export function useRead<I, T>(read: (input: I) => Promise<ApiResult<T>>, key: string, input: I): CommandRead<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const latest = useRef({ read, input });
  useEffect(() => {
    latest.current = { read, input };
  });

  useEffect(() => {
    let current = true;
    setLoading(true);
    void latest.current.read(latest.current.input).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) {
        setValue(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((next: T) => {
    setValue(next);
    setError(null);
  }, []);
  return { value, error, loading, reload, set };
}
