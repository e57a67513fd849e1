/** Documents the server refused, with its reason; "Retry now" uploads them again (after the server was fixed). */
import { useEffect, useState } from 'react';
import { useCommand } from '../../api/use-api';
import { api } from '../../api/client';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { collectionLabel, sinceText } from './sync-format';

export function RejectionsList({ count }: { count: number }) {
  const list = useCommand('sync.rejections', {});
  const { reload } = list;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => reload(), [count, reload]);

  const retry = async () => {
    setBusy(true);
    setMessage(null);
    setError(null);
    const result = await api.call('sync.retryRejected', {});
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const { accepted, settled, stillRejected } = result.value;
    setMessage(`Uploaded ${accepted}, settled ${settled}, still refused ${stillRejected}.`);
    reload();
  };

  const entries = list.value ?? [];
  return (
    <section aria-labelledby="sync-refused-heading">
      <h3 id="sync-refused-heading">Refused by the server</h3>
      <AlertMessage message={list.error?.message ?? error} />
      {entries.length === 0 ? (
        <p>None. Every document this till uploaded was accepted.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Document</th>
                  <th scope="col">Server's reason</th>
                  <th scope="col">Last tried</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={`${entry.collection}/${entry.docId}`}>
                    <td>{collectionLabel(entry.collection)}</td>
                    <td className="code">{entry.docId}</td>
                    <td>{entry.reason || entry.error}</td>
                    <td>
                      {sinceText(entry.lastAt)} ({entry.attempts}×)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>Other documents keep uploading. Fix the cause on the server (rules, this terminal's roles), then retry.</p>
          <button type="button" onClick={() => void retry()} disabled={busy}>
            Retry now
          </button>
        </>
      )}
      <StatusMessage message={message} />
    </section>
  );
}
