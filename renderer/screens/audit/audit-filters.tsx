/** The audit log's filters: who, what, which terminal, from and to which day. Empty means any. */
import { useId, useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../shared/api/contract';
import { TextField } from '../../components/text-field';

export interface AuditFilterValues {
  actorId: string;
  type: string;
  terminalId: string;
  /** Days 'YYYY-MM-DD' in this screen's time zone. */
  fromDay: string;
  toDay: string;
}

export const NO_FILTERS: AuditFilterValues = { actorId: '', type: '', terminalId: '', fromDay: '', toDay: '' };

/** The search's filters: whole local days become times; empty fields are left out. */
export function searchFilters(v: AuditFilterValues) {
  return {
    ...(v.actorId ? { actorId: v.actorId } : {}),
    ...(v.type.trim() ? { type: v.type.trim().toLowerCase() } : {}),
    ...(v.terminalId.trim() ? { terminalId: v.terminalId.trim().toUpperCase() } : {}),
    ...(v.fromDay ? { from: new Date(`${v.fromDay}T00:00:00`).toISOString() } : {}),
    ...(v.toDay ? { to: new Date(`${v.toDay}T23:59:59.999`).toISOString() } : {}),
  };
}

interface AuditFiltersProps {
  users: UserSummary[];
  busy: boolean;
  onSearch: (values: AuditFilterValues) => void;
}

export function AuditFilters({ users, busy, onSearch }: AuditFiltersProps) {
  const id = useId();
  const [values, setValues] = useState(NO_FILTERS);
  const set = (key: keyof AuditFilterValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(values);
  };
  return (
    <form className="form-row audit-filters" aria-label="Audit log filters" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-actor`}>Who</label>
        <select id={`${id}-actor`} value={values.actorId} onChange={(e) => set('actorId')(e.target.value)}>
          <option value="">Anyone</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName} ({u.username})
            </option>
          ))}
        </select>
      </div>
      <TextField label="Event type" value={values.type} onChange={set('type')} placeholder="e.g. user.secret_reset" autoCapitalize="none" />
      <TextField label="Terminal" value={values.terminalId} onChange={set('terminalId')} placeholder="e.g. T1" autoCapitalize="characters" />
      <TextField label="From day" type="date" value={values.fromDay} onChange={set('fromDay')} />
      <TextField label="To day" type="date" value={values.toDay} onChange={set('toDay')} />
      <button type="submit" disabled={busy}>
        Search
      </button>
    </form>
  );
}
