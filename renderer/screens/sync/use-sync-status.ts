/** The till's sync status, kept current by the core's `sync.status` pushes. */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/api/commands/sync-commands';
import { api } from '../../api/client';
import { usePushEvent } from '../../api/use-api';

export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  usePushEvent('sync.status', setStatus);
  useEffect(() => {
    let current = true;
    void api.call('sync.status', {}).then((result) => {
      if (current && result.ok) setStatus((seen) => seen ?? result.value);
    });
    return () => {
      current = false;
    };
  }, []);
  // "synced 3 min ago" ages while nothing changes: re-render once a minute.
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  return status;
}
