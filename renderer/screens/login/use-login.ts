/** One login attempt at a time; the till service decides, including lockouts and how long they last. */
import { useState } from 'react';
import { api } from '../../api/client';
import { useAuthStore } from '../../state/auth-store';

export function useLogin(username: string) {
  const sessionStarted = useAuthStore((s) => s.sessionStarted);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Resolves true when logged in; on failure the error is set and the caller clears what was typed. */
  const logIn = async (secret: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await api.call('auth.login', { username, secret });
    setBusy(false);
    if (result.ok) {
      sessionStarted(result.value);
      return true;
    }
    setError(result.error.message);
    return false;
  };

  return { logIn, busy, error, setError };
}
