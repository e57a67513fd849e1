/**
 * The status bar's sync element: online or offline, when it last synced, what waits to upload, a progress bar
 * during a first sync. It opens the sync dialog (details for everyone; pairing and refused documents for managers).
 */
import { useState } from 'react';
import type { Role } from '../../../shared/roles';
import { SyncDialog } from './sync-dialog';
import { summarize } from './sync-format';
import { useSyncStatus } from './use-sync-status';
import './sync.css';

export function SyncStatusBadge({ role }: { role: Role }) {
  const status = useSyncStatus();
  const [open, setOpen] = useState(false);
  if (!status) return null;
  const { tone, text } = summarize(status);
  return (
    <>
      <button type="button" className={`sync-badge sync-${tone}`} onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="sync-status">
        <span className="sync-dot" aria-hidden="true" />
        <span>{text}</span>
        {status.firstSync ? (
          <progress className="sync-progress" value={status.firstSync.done} max={Math.max(1, status.firstSync.total)} aria-label="First sync progress" />
        ) : null}
      </button>
      {open ? <SyncDialog status={status} role={role} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
