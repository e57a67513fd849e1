/** Words for the sync status: what the status bar and the sync dialog say. Pure, so it is tested without a DOM. */
import type { SyncStatus } from '../../../shared/api/commands/sync-commands';

const COLLECTION_LABELS: Record<string, string> = {
  sales: 'Sales and returns',
  payments: 'Payments',
  stock_movements: 'Stock movements',
  audit_events: 'Audit events',
  shifts: 'Shifts',
  products: 'Products',
  categories: 'Categories',
  users: 'Users',
  settings: 'Settings',
};

export function collectionLabel(collection: string): string {
  return COLLECTION_LABELS[collection] ?? collection;
}

const number = new Intl.NumberFormat();

export function formatCount(n: number, capped = false): string {
  return `${number.format(n)}${capped ? '+' : ''}`;
}

/** "just now", "5 min ago", "at 10:42", "on 28/11 10:42"; "never" for null. */
export function sinceText(iso: string | null, now: number = Date.now()): string {
  if (!iso) return 'never';
  const at = Date.parse(iso);
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  const date = new Date(at);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return new Date(now).toDateString() === date.toDateString() ? `at ${time}` : `on ${date.toLocaleDateString()} ${time}`;
}

export type Tone = 'ok' | 'busy' | 'warn' | 'off';

/** The status bar's short line and its colour. */
export function summarize(status: SyncStatus, now: number = Date.now()): { tone: Tone; text: string } {
  if (status.state === 'not_configured') return { tone: 'off', text: 'Sync: not paired' };
  if (status.firstSync) {
    const { done, total } = status.firstSync;
    return { tone: 'busy', text: `Getting the store's data: ${formatCount(done)} of ${formatCount(total)}` };
  }
  const waiting = status.pendingTotal > 0 ? ` · ${formatCount(status.pendingTotal, status.pendingCapped)} waiting to upload` : '';
  const refused = status.rejected > 0 ? ` · ${formatCount(status.rejected)} refused` : '';
  if (status.state === 'online') {
    const tone: Tone = status.rejected > 0 ? 'warn' : status.pendingTotal > 0 ? 'busy' : 'ok';
    const synced = status.pendingTotal > 0 ? 'uploading' : `synced ${sinceText(status.lastSyncedAt, now)}`;
    return { tone, text: `Online · ${synced}${waiting}${refused}` };
  }
  if (status.state === 'connecting') return { tone: 'busy', text: `Connecting…${waiting}` };
  return { tone: 'warn', text: `Offline · last sync ${sinceText(status.lastSyncedAt, now)}${waiting}${refused}` };
}

/** Rows for the "waiting to upload" table, largest first. */
export function pendingRows(status: SyncStatus): { collection: string; label: string; count: number }[] {
  return Object.entries(status.pending)
    .map(([collection, count]) => ({ collection, label: collectionLabel(collection), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
