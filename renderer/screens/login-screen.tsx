/** Choose who you are, then prove it with a PIN or password. */
import { useState } from 'react';
import type { UserSummary } from '../../shared/api/contract';
import { roleLabel } from '../components/role-label';
import { useAuthStore } from '../state/auth-store';
import { PasswordStep } from './login/password-step';
import { PinStep } from './login/pin-step';
import { UserChooser } from './login/user-chooser';
import './login-screen.css';

const NO_USERS: UserSummary[] = [];

export function LoginScreen() {
  const users = useAuthStore((s) => s.status?.users ?? NO_USERS);
  const [chosen, setChosen] = useState<UserSummary | null>(null);

  return (
    <main className="screen login-screen">
      <h1>Log in</h1>
      {chosen ? (
        <section aria-labelledby="credential-heading" className="credential-step">
          <h2 id="credential-heading">
            {chosen.credentialKind === 'pin' ? 'Enter your PIN' : 'Enter your password'}
          </h2>
          <p className="who">
            {chosen.displayName} · {roleLabel(chosen.role)}
          </p>
          {chosen.credentialKind === 'pin' ? <PinStep user={chosen} /> : <PasswordStep user={chosen} />}
          <button type="button" className="button-secondary" onClick={() => setChosen(null)}>
            Switch user
          </button>
        </section>
      ) : (
        <UserChooser users={users} onChoose={setChosen} />
      )}
    </main>
  );
}
