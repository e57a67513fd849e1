/** Add a user. Managers may add clerks only; admins choose any role. The till service enforces both. */
import { useId, useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../shared/api/contract';
import { mayManageRole, ROLES, type Role } from '../../../shared/roles';
import { api } from '../../api/client';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { roleLabel } from '../../components/role-label';
import { emptySecret, SecretFields, secretMismatch } from '../../components/secret-fields';
import { TextField } from '../../components/text-field';

interface CreateUserFormProps {
  actor: UserSummary;
  onCreated: () => void;
}

export function CreateUserForm({ actor, onCreated }: CreateUserFormProps) {
  const roles = ROLES.filter((r) => mayManageRole(actor.role, r));
  const roleId = useId();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [secret, setSecret] = useState(() => emptySecret('pin'));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const mismatch = secretMismatch(secret);
    if (mismatch) return setError(mismatch);
    setBusy(true);
    setError(null);
    const input = { displayName, username, role, credentialKind: secret.kind, secret: secret.secret };
    const result = await api.call('users.create', input);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setDone(`Created ${result.value.displayName} (${roleLabel(result.value.role)}).`);
    setDisplayName('');
    setUsername('');
    setSecret(emptySecret(secret.kind));
    onCreated();
  };

  return (
    <form className="form create-user" aria-labelledby={`${roleId}-heading`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${roleId}-heading`}>Add a user</h3>
      <TextField label="Name" value={displayName} onChange={setDisplayName} required />
      <TextField label="Username" value={username} onChange={setUsername} required autoCapitalize="none" autoComplete="off" />
      {roles.length > 1 ? (
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="field-hint">Role: Clerk. Only an admin can add managers and admins.</p>
      )}
      <SecretFields value={secret} onChange={setSecret} />
      <AlertMessage message={error} />
      <StatusMessage message={done} />
      <button type="submit" disabled={busy}>
        Create user
      </button>
    </form>
  );
}
