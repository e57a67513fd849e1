import { useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../shared/api/contract';
import { AlertMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';
import { useLogin } from './use-login';

export function PasswordStep({ user }: { user: UserSummary }) {
  const { logIn, busy, error } = useLogin(user.username);
  const [password, setPassword] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await logIn(password))) setPassword('');
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <TextField label="Password" type="password" value={password} onChange={setPassword} autoFocus autoComplete="current-password" />
      <AlertMessage message={error} />
      <button type="submit" disabled={busy}>
        Log in
      </button>
    </form>
  );
}
