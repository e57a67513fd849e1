/** A brand-new till has no users: create the first administrator, who is then logged in. */
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { AlertMessage } from '../components/alert-message';
import { emptySecret, SecretFields, secretMismatch } from '../components/secret-fields';
import { TextField } from '../components/text-field';
import { useAuthStore } from '../state/auth-store';

export function FirstRunScreen() {
  const sessionStarted = useAuthStore((s) => s.sessionStarted);
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState(() => emptySecret('password'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const mismatch = secretMismatch(secret);
    if (mismatch) return setError(mismatch);
    setBusy(true);
    setError(null);
    const result = await api.call('auth.setupFirstAdmin', {
      displayName,
      username,
      credentialKind: secret.kind,
      secret: secret.secret,
    });
    setBusy(false);
    if (result.ok) sessionStarted(result.value);
    else setError(result.error.message);
  };

  return (
    <main className="screen screen-narrow">
      <h1>Set up Kassa</h1>
      <p>This till has no users yet. Create the administrator who will set up everyone else.</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Name" value={displayName} onChange={setDisplayName} autoFocus required autoComplete="name" />
        <TextField label="Username" value={username} onChange={setUsername} required autoComplete="username" autoCapitalize="none" />
        <SecretFields value={secret} onChange={setSecret} />
        <AlertMessage message={error} />
        <button type="submit" disabled={busy}>
          Create administrator
        </button>
      </form>
    </main>
  );
}
