import { useState } from 'react';
import type { UserSummary } from '../../../shared/api/contract';
import { AlertMessage } from '../../components/alert-message';
import { PinPad } from '../../components/pin-pad';
import { useLogin } from './use-login';

export function PinStep({ user }: { user: UserSummary }) {
  const { logIn, busy, error, setError } = useLogin(user.username);
  const [pin, setPin] = useState('');

  const submit = async (value: string) => {
    if (value.length < 4) return setError('Enter your PIN: 4 to 8 digits.');
    if (!(await logIn(value))) setPin('');
  };

  return (
    <>
      <AlertMessage message={error} />
      <PinPad label={`PIN for ${user.displayName}`} value={pin} onChange={setPin} onSubmit={(v) => void submit(v)} disabled={busy} />
    </>
  );
}
