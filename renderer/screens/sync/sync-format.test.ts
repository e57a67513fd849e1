import { describe, expect, it } from 'vitest';
import { syncStatus } from '../../test-support/till-fixtures';
import { pendingRows, sinceText, summarize } from './sync-format';

const base = syncStatus();
const now = Date.parse('2026-11-28T12:00:00Z');

describe('sync status words', () => {
  it('says how long ago the last sync was', () => {
    expect(sinceText(null, now)).toBe('never');
    expect(sinceText('2026-11-28T11:59:30Z', now)).toBe('just now');
    expect(sinceText('2026-11-28T11:55:00Z', now)).toBe('5 min ago');
  });

  it('summarizes each state for the status bar', () => {
    expect(summarize({ ...base, state: 'not_configured' }, now)).toEqual({ tone: 'off', text: 'Sync: not paired' });
    expect(summarize({ ...base, lastSyncedAt: '2026-11-28T11:58:00Z' }, now)).toEqual({ tone: 'ok', text: 'Online · synced 2 min ago' });
    expect(summarize({ ...base, state: 'offline', pendingTotal: 1234, pending: { sales: 1234 } }, now).text).toBe(
      'Offline · last sync never · 1,234 waiting to upload',
    );
    expect(summarize({ ...base, rejected: 2 }, now)).toMatchObject({ tone: 'warn', text: expect.stringContaining('2 refused') });
    expect(summarize({ ...base, firstSync: { done: 5_000, total: 100_000 } }, now).text).toBe("Getting the store's data: 5,000 of 100,000");
  });

  it('lists what waits to upload, largest first, in the store language', () => {
    expect(pendingRows({ ...base, pending: { payments: 3, sales: 5, stock_movements: 5 } })).toEqual([
      { collection: 'sales', label: 'Sales and returns', count: 5 },
      { collection: 'stock_movements', label: 'Stock movements', count: 5 },
      { collection: 'payments', label: 'Payments', count: 3 },
    ]);
  });
});
