/**
 * The audit log of every terminal (events arrive by sync): who did what, when, on which terminal, filtered and
 * paged newest first. Pages are kept as the places the till gave for them, so Previous goes back exactly.
 */
import { useEffect, useState } from 'react';
import type { AuditLogEntry, AuditPage, UserSummary } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { AuditFilters, NO_FILTERS, searchFilters, type AuditFilterValues } from './audit-filters';

const PAGE_SIZE = 25;
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

export function AuditLogView({ users }: { users: UserSummary[] }) {
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  // cursors[i] is where page i starts (undefined: the newest); the last one is the page shown.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(true);
  const before = cursors[cursors.length - 1];

  useEffect(() => {
    let current = true;
    setBusy(true);
    void api.call('audit.search', { ...searchFilters(filters), pageSize: PAGE_SIZE, ...(before ? { before } : {}) }).then((result) => {
      if (!current) return;
      setBusy(false);
      setError(result.ok ? null : result.error);
      if (result.ok) setPage(result.value);
    });
    return () => {
      current = false;
    };
  }, [filters, before]);

  const search = (values: AuditFilterValues) => {
    setFilters(values);
    setCursors([undefined]);
  };
  return (
    <section className="panel panel-wide" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <AuditFilters users={users} busy={busy} onSearch={search} />
      <AlertMessage message={error?.message} />
      {page && page.entries.length === 0 ? <p>No events match.</p> : null}
      {page && page.entries.length > 0 ? <AuditTable entries={page.entries} /> : null}
      <nav aria-label="Audit log pages" className="button-row">
        <button type="button" className="button-secondary" disabled={busy || cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {cursors.length}</span>
        <button type="button" className="button-secondary" disabled={busy || !page?.next} onClick={() => page?.next && setCursors((c) => [...c, page.next!])}>
          Next page
        </button>
      </nav>
    </section>
  );
}

function detailsText(details: AuditLogEntry['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

function AuditTable({ entries }: { entries: AuditLogEntry[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Terminal</th>
            <th scope="col">Subject</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at}>{time.format(new Date(e.at))}</time>
              </td>
              <td>{e.actorName || '—'}</td>
              <td className="code">{e.type}</td>
              <td>{e.terminalId}</td>
              <td>{e.subjectName || '—'}</td>
              <td>{detailsText(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
