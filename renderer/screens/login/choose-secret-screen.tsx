/**
 * After a manager reset this user's PIN or password: the till does nothing else until the user chooses their own
 * (the core refuses every other command meanwhile). Then on to the user's home.
 */
import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';
import { useAuthStore } from '../../state/auth-store';

export function ChooseSecretScreen({ session }: { session: SessionInfo }) {
  const sessionStarted = useAuthStore((s) => s.sessionStarted);
  const sessionChanged = useAuthStore((s) => s.sessionChanged);
  const pin = session.user.credentialKind === 'pin';
  const noun = pin ? 'PIN' : 'password';
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return setError(`The two new ${noun}s do not match.`);
    setBusy(true);
    setError(null);
    const result = await api.call('auth.changeSecret', { current, next });
    setBusy(false);
    if (result.ok) return sessionStarted(result.value);
    setError(result.error.message);
    if (result.error.code === 'NOT_LOGGED_IN') sessionChanged(null);
  };
  const logOut = async () => {
    await api.call('auth.logout', {});
    sessionChanged(null);
  };

  const field = { type: 'password', inputMode: pin ? ('numeric' as const) : ('text' as const), required: true };
  return (
    <main className="screen screen-narrow">
      <h1>Choose a new {noun}</h1>
      <p>
        {session.user.displayName}, your {noun} was reset by a manager. Choose your own before you go on
        {pin ? ' (4 to 8 digits)' : ' (8 or more characters)'}.
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={`Temporary ${noun}`} value={current} onChange={setCurrent} autoComplete="current-password" autoFocus {...field} />
        <TextField label={`New ${noun}`} value={next} onChange={setNext} autoComplete="new-password" {...field} />
        <TextField label={`Repeat new ${noun}`} value={repeat} onChange={setRepeat} autoComplete="new-password" {...field} />
        <AlertMessage message={error} />
        <button type="submit" disabled={busy}>
          Save new {noun}
        </button>
      </form>
      <button type="button" className="button-secondary" onClick={() => void logOut()}>
        Log out
      </button>
    </main>
  );
}
