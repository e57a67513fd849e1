import { useState } from 'react';
import type { UserSummary } from '../../../shared/api/contract';
import { mayManageRole } from '../../../shared/roles';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { roleLabel } from '../../components/role-label';

interface UserTableProps {
  actor: UserSummary;
  users: UserSummary[];
  onChanged: () => void;
}

export function UserTable({ actor, users, onChanged }: UserTableProps) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const setActive = async (user: UserSummary, active: boolean) => {
    setBusyId(user.id);
    setError(null);
    const result = await api.call('users.setActive', { userId: user.id, active });
    setBusyId(null);
    if (result.ok) onChanged();
    else setError(result.error.message);
  };

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
              <td>{user.active ? 'Active' : 'Inactive'}</td>
              <td>
                {/* Hiding is a courtesy: the till service checks the same rule again. */}
                {user.id !== actor.id && mayManageRole(actor.role, user.role) ? (
                  <button
                    type="button"
                    className="button-small button-secondary"
                    aria-label={`${user.active ? 'Deactivate' : 'Activate'} ${user.displayName}`}
                    disabled={busyId === user.id}
                    onClick={() => void setActive(user, !user.active)}
                  >
                    {user.active ? 'Deactivate' : 'Activate'}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AlertMessage message={error} />
    </>
  );
}
