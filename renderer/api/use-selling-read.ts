/** "Load this once, reload on demand" for selling commands that only read (categories, quick keys, history). */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../shared/api/errors';
import type { SellingApi, SellingCommandName, SellingInput, SellingResult } from './selling-api';

export interface SellingRead<T> {
  value: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useSellingRead<K extends SellingCommandName>(api: SellingApi, name: K, input: SellingInput<K>): SellingRead<SellingResult<K>> {
  const [state, setState] = useState<{ value: SellingResult<K> | null; error: ApiError | null; loading: boolean }>({
    value: null,
    error: null,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const inputRef = useRef(input);
  useEffect(() => {
    inputRef.current = input;
  });

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void api.call(name, inputRef.current).then((result) => {
      if (!current) return;
      setState((s) => (result.ok ? { value: result.value, error: null, loading: false } : { ...s, error: result.error, loading: false }));
    });
    return () => {
      current = false;
    };
  }, [api, name, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
