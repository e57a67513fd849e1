/** The users of the store with what a manager may do to each: deactivate, reset the PIN, unlock on this till. */
import { useState } from 'react';
import type { UserListEntry, UserSummary } from '../../../shared/api/contract';
import { mayManageRole } from '../../../shared/roles';
import { api } from '../../api/client';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { roleLabel } from '../../components/role-label';
import { ResetSecretDialog } from './reset-secret-dialog';

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

interface UserTableProps {
  actor: UserSummary;
  users: UserListEntry[];
  onChanged: () => void;
}

function statusOf(user: UserListEntry): string {
  const parts = [user.active ? 'Active' : 'Inactive'];
  if (user.lockedUntil) parts.push(`Locked on this till until ${clock.format(new Date(user.lockedUntil))}`);
  if (user.mustChangeSecret) parts.push(`Must choose a new ${user.credentialKind === 'pin' ? 'PIN' : 'password'}`);
  return parts.join(' · ');
}

export function UserTable({ actor, users, onChanged }: UserTableProps) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [resetting, setResetting] = useState<UserListEntry | null>(null);

  const run = async (user: UserListEntry, call: () => ReturnType<typeof api.call>, message: string) => {
    setBusyId(user.id);
    setError(null);
    setDone(null);
    const result = await call();
    setBusyId(null);
    if (!result.ok) return setError(result.error.message);
    setDone(message);
    onChanged();
  };
  const setActive = (user: UserListEntry, active: boolean) =>
    run(user, () => api.call('users.setActive', { userId: user.id, active }), `${user.displayName} is ${active ? 'active' : 'inactive'}.`);
  const unlock = (user: UserListEntry) => run(user, () => api.call('users.unlock', { userId: user.id }), `${user.displayName} may log in on this till again.`);

  return (
    <>
      <table className="data-table">
        <caption className="visually-hidden">Users of this till</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'inactive'}>
              <th scope="row">{user.displayName}</th>
              <td>{user.username}</td>
              <td>{roleLabel(user.role)}</td>
              <td>{statusOf(user)}</td>
              <td>
                {/* Hiding is a courtesy: the till service checks the same rule again. */}
                {user.id !== actor.id && mayManageRole(actor.role, user.role) ? (
                  <div className="row-actions">
                    <UserActions user={user} busy={busyId === user.id} onActive={setActive} onReset={setResetting} onUnlock={unlock} />
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AlertMessage message={error} />
      <StatusMessage message={done} />
      {resetting ? (
        <ResetSecretDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(message) => {
            setResetting(null);
            setDone(message);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

interface UserActionsProps {
  user: UserListEntry;
  busy: boolean;
  onActive: (user: UserListEntry, active: boolean) => void;
  onReset: (user: UserListEntry) => void;
  onUnlock: (user: UserListEntry) => void;
}

function UserActions({ user, busy, onActive, onReset, onUnlock }: UserActionsProps) {
  const noun = user.credentialKind === 'pin' ? 'PIN' : 'password';
  const small = 'button-small button-secondary';
  return (
    <>
      <button type="button" className={small} aria-label={`${user.active ? 'Deactivate' : 'Activate'} ${user.displayName}`} disabled={busy} onClick={() => onActive(user, !user.active)}>
        {user.active ? 'Deactivate' : 'Activate'}
      </button>
      {user.active ? (
        <button type="button" className={small} aria-label={`Reset the ${noun} of ${user.displayName}`} disabled={busy} onClick={() => onReset(user)}>
          Reset {noun}
        </button>
      ) : null}
      {user.lockedUntil ? (
        <button type="button" className={small} aria-label={`Unlock ${user.displayName}`} disabled={busy} onClick={() => onUnlock(user)}>
          Unlock
        </button>
      ) : null}
    </>
  );
}
