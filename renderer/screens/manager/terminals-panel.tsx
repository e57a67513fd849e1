/** Every terminal of the store: online or not, last seen, what waits to upload there, its open shift. */
import { useEffect } from 'react';
import { useCommand } from '../../api/use-api';
import { AlertMessage } from '../../components/alert-message';
import { formatTime } from '../sell/display-format';

/** Terminals publish their status at least once a minute; reading it a little more often is enough. */
const REFRESH_MS = 15_000;
const STATE_LABEL = { online: 'Online', offline: 'Not seen lately', unknown: 'No status yet' } as const;

export function TerminalsPanel() {
  const terminals = useCommand('terminals.list', {});
  const { reload } = terminals;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const when = (iso: string) => (iso ? formatTime(iso) : '—');
  return (
    <section className="panel panel-wide" aria-labelledby="terminals-heading">
      <div className="panel-header">
        <h2 id="terminals-heading">Terminals</h2>
        <button type="button" className="button-small button-secondary" onClick={reload} disabled={terminals.loading}>
          Refresh
        </button>
      </div>
      <AlertMessage message={terminals.error?.message} />
      {terminals.value ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Every terminal of the store</caption>
            <thead>
              <tr>
                <th scope="col">Terminal</th>
                <th scope="col">State</th>
                <th scope="col">Last seen</th>
                <th scope="col">Last sync</th>
                <th scope="col" className="num">Waiting to upload</th>
                <th scope="col">Open shift</th>
                <th scope="col">Last sale</th>
              </tr>
            </thead>
            <tbody>
              {terminals.value.map((t) => (
                <tr key={t.terminalId}>
                  <th scope="row">{t.self ? `${t.terminalId} (this till)` : t.terminalId}</th>
                  <td>{`${STATE_LABEL[t.state]}${t.syncState && t.state !== 'unknown' ? `, sync ${t.syncState.replace('_', ' ')}` : ''}`}</td>
                  <td>{when(t.lastSeenAt)}</td>
                  <td>{when(t.lastSyncedAt)}</td>
                  <td className="num">
                    {t.state === 'unknown' ? '—' : `${t.pendingTotal}${t.pendingCapped ? '+' : ''}`}
                    {t.rejected > 0 ? `, ${t.rejected} refused` : ''}
                  </td>
                  <td>{t.openShift ? `Since ${when(t.openShift.openedAt)}, ${t.openShift.openedBy}` : 'None'}</td>
                  <td>{t.lastSaleNumber ? `${t.lastSaleNumber}, ${when(t.lastSaleAt)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
