/** Step one of logging in: tap your name, or type your username. */
import { useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../shared/api/contract';
import { AlertMessage } from '../../components/alert-message';
import { roleLabel } from '../../components/role-label';
import { TextField } from '../../components/text-field';

interface UserChooserProps {
  users: UserSummary[];
  onChoose: (user: UserSummary) => void;
}

export function UserChooser({ users, onChoose }: UserChooserProps) {
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wanted = username.trim().toLowerCase();
    const user = users.find((u) => u.username === wanted);
    if (user) onChoose(user);
    else setError(`No active user called "${username.trim()}". Check the spelling or ask a manager.`);
  };

  return (
    <section aria-labelledby="choose-user-heading">
      <h2 id="choose-user-heading">Who is at the till?</h2>
      <ul className="user-list" aria-label="Users">
        {users.map((user) => (
          <li key={user.id}>
            <button type="button" className="user-button" onClick={() => onChoose(user)}>
              <span className="user-name">{user.displayName}</span>
              <span className="user-meta">
                {roleLabel(user.role)} · {user.username}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit}>
        <TextField label="Username" value={username} onChange={setUsername} autoFocus autoCapitalize="none" autoComplete="username" />
        <button type="submit">Continue</button>
      </form>
      <AlertMessage message={error} />
    </section>
  );
}
