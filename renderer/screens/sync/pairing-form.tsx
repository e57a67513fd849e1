/**
 * Pairing a till with the store's server: address and the terminal's own CouchDB account (made with
 * `npm run server:setup -- --terminal <id>`). "Test connection" checks without saving; "Pair" tests and saves.
 * The password goes to the till's main process only and is never shown again.
 */
import { useState, type FormEvent } from 'react';
import type { ConnectionCheck, SyncStatus } from '../../../shared/api/commands/sync-commands';
import { api } from '../../api/client';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';

export function PairingForm({ status }: { status: SyncStatus }) {
  const [url, setUrl] = useState(status.server ?? '');
  const [username, setUsername] = useState(status.account ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const run = async (command: 'sync.testConnection' | 'sync.pair') => {
    setBusy(true);
    setResult(null);
    const answer = await api.call(command, { url, username, password });
    setBusy(false);
    if (!answer.ok) {
      setResult({ ok: false, message: answer.error.message });
      return;
    }
    const check: ConnectionCheck = answer.value;
    const paired = command === 'sync.pair' && check.ok;
    setResult({ ok: check.ok, message: paired ? `Paired. ${check.message}` : check.message });
    if (paired) setPassword('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('sync.pair');
  };

  return (
    <form className="form sync-pairing" onSubmit={submit} aria-labelledby="sync-pairing-heading">
      <h3 id="sync-pairing-heading">{status.state === 'not_configured' ? 'Pair this till' : 'Pair again'}</h3>
      <TextField label="Server address" value={url} onChange={setUrl} placeholder="http://couch.example:5984/" autoComplete="off" required />
      <TextField label="Terminal user" value={username} onChange={setUsername} hint="The till's own server account, e.g. kassa_T2" autoComplete="off" required />
      <TextField label="Password" type="password" value={password} onChange={setPassword} autoComplete="new-password" required />
      {result?.ok ? <StatusMessage message={result.message} /> : <AlertMessage message={result?.message} />}
      <div className="sync-actions">
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void run('sync.testConnection')}>
          Test connection
        </button>
        <button type="submit" disabled={busy}>
          Pair
        </button>
      </div>
    </form>
  );
}
