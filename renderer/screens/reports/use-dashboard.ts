/**
 * The dashboard's data: read for the chosen range, and read again whenever the till says the figures moved
 * (`reports.changed`: this till's sales, or other terminals' arriving by sync). One read at a time; a change that
 * arrives meanwhile is read right after, so the screen never shows figures older than the last change it heard of.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DashboardView, RangeInput } from '../../../shared/api/commands/reports-commands';
import type { ApiError } from '../../../shared/api/errors';
import { api } from '../../api/client';
import { usePushEvent } from '../../api/use-api';

export interface DashboardRead {
  view: DashboardView | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useDashboard(range: RangeInput): DashboardRead {
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(range);
  latest.current = range;
  // `generation` moves with the range: an answer for an older range is dropped and the read done again.
  const flags = useRef({ running: false, again: false, generation: 0, mounted: true });
  const key = `${range.from}|${range.to}|${range.terminalId ?? ''}`;

  const read = useCallback(async () => {
    const f = flags.current;
    if (f.running) {
      f.again = true;
      return;
    }
    f.running = true;
    setLoading(true);
    try {
      do {
        f.again = false;
        const generation = f.generation;
        const result = await api.call('reports.dashboard', latest.current);
        if (!f.mounted) return;
        if (generation !== f.generation) {
          f.again = true;
          continue;
        }
        if (result.ok) {
          setView(result.value);
          setError(null);
        } else {
          setError(result.error);
        }
      } while (f.again && f.mounted);
    } finally {
      f.running = false;
      if (f.mounted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    flags.current.mounted = true;
    return () => {
      flags.current.mounted = false;
    };
  }, []);

  useEffect(() => {
    flags.current.generation++;
    void read();
  }, [key, read]);

  usePushEvent('reports.changed', () => void read());
  return { view, error, loading, reload: () => void read() };
}
