/** The people who may use this till: list, activate/deactivate, and add new ones. */
import type { UserListEntry, UserSummary } from '../../../shared/api/contract';
import type { CommandRead } from '../../api/use-api';
import { AlertMessage } from '../../components/alert-message';
import { CreateUserForm } from './create-user-form';
import { UserTable } from './user-table';

interface UsersPanelProps {
  actor: UserSummary;
  users: CommandRead<UserListEntry[]>;
  onChanged: () => void;
}

export function UsersPanel({ actor, users, onChanged }: UsersPanelProps) {
  return (
    <section className="panel panel-wide" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <AlertMessage message={users.error?.message} />
      {users.value ? <UserTable actor={actor} users={users.value} onChanged={onChanged} /> : null}
      <CreateUserForm actor={actor} onCreated={onChanged} />
    </section>
  );
}
