/** The latest 50 audit events on this till: who did what to whom, and when. */
import { useEffect } from 'react';
import type { AuditEntry, UserSummary } from '../../../shared/api/contract';
import { useCommand } from '../../api/use-api';
import { AlertMessage } from '../../components/alert-message';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

interface ActivityPanelProps {
  users: UserSummary[];
  /** Changes whenever something was done on this screen that the log should show. */
  refreshKey: number;
}

export function ActivityPanel({ users, refreshKey }: ActivityPanelProps) {
  const audit = useCommand('audit.recent', { limit: 50 });
  const { reload } = audit;
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);

  const names = new Map(users.map((u) => [u.id, `${u.displayName} (${u.username})`]));
  const who = (id: string) => (id === '' ? '—' : (names.get(id) ?? id));

  return (
    <section className="panel panel-wide" aria-labelledby="activity-heading">
      <div className="panel-header">
        <h2 id="activity-heading">Recent activity</h2>
        <button type="button" className="button-small button-secondary" onClick={reload} disabled={audit.loading}>
          Refresh
        </button>
      </div>
      <AlertMessage message={audit.error?.message} />
      {audit.value?.length === 0 ? <p>Nothing has happened on this till yet.</p> : null}
      {audit.value && audit.value.length > 0 ? <ActivityTable entries={audit.value} who={who} /> : null}
    </section>
  );
}

function ActivityTable({ entries, who }: { entries: AuditEntry[]; who: (id: string) => string }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">The latest events on this till, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Type</th>
            <th scope="col">Actor</th>
            <th scope="col">Subject</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
              </td>
              <td className="code">{entry.type}</td>
              <td>{who(entry.actorId)}</td>
              <td>{who(entry.subjectId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
