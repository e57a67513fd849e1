/** Sync details: server, account, problem, what waits to upload; for managers also pairing and refused documents. */
import type { SyncStatus } from '../../../shared/api/commands/sync-commands';
import { roleAtLeast, type Role } from '../../../shared/roles';
import { AlertMessage } from '../../components/alert-message';
import { ModalDialog } from '../../components/modal-dialog';
import { formatCount, pendingRows, sinceText } from './sync-format';
import { PairingForm } from './pairing-form';
import { RejectionsList } from './rejections-list';

interface SyncDialogProps {
  status: SyncStatus;
  role: Role;
  onClose: () => void;
}

export function SyncDialog({ status, role, onClose }: SyncDialogProps) {
  const manager = roleAtLeast(role, 'manager');
  const rows = pendingRows(status);
  return (
    <ModalDialog title="Sync with the store server" onClose={onClose} className="sync-dialog">
      <dl className="sync-facts">
        <dt>State</dt>
        <dd>{stateText(status)}</dd>
        <dt>Server</dt>
        <dd className="code">{status.server ?? '—'}</dd>
        <dt>Terminal account</dt>
        <dd className="code">{status.account ?? '—'}</dd>
        <dt>Last complete sync</dt>
        <dd>{sinceText(status.lastSyncedAt)}</dd>
      </dl>
      <AlertMessage message={status.problem?.message} />
      {status.firstSync ? (
        <p>
          Getting the store's data: {formatCount(status.firstSync.done)} of {formatCount(status.firstSync.total)} documents. Selling works meanwhile.
          <progress className="sync-progress-wide" value={status.firstSync.done} max={Math.max(1, status.firstSync.total)} />
        </p>
      ) : null}
      <section aria-labelledby="sync-pending-heading">
        <h3 id="sync-pending-heading">Waiting to upload</h3>
        {rows.length === 0 ? (
          <p>Nothing: everything made on this till is on the server.</p>
        ) : (
          <table className="data-table">
            <tbody>
              {rows.map((row) => (
                <tr key={row.collection}>
                  <th scope="row">{row.label}</th>
                  <td className="numeric">{formatCount(row.count, status.pendingCapped && row.count >= 10_000)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {manager ? <RejectionsList count={status.rejected} /> : null}
      {manager ? <PairingForm status={status} /> : <p>A manager can pair this till with a server and see refused documents here.</p>}
      <div className="sync-actions">
        <button type="button" className="button-secondary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

function stateText(status: SyncStatus): string {
  switch (status.state) {
    case 'not_configured':
      return 'Not paired with a server: sales stay on this till until a manager pairs it.';
    case 'connecting':
      return 'Connecting…';
    case 'online':
      return 'Online';
    case 'offline':
      return 'Offline: selling goes on, everything is kept here and uploaded when the server is back.';
  }
}
