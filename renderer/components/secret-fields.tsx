/**
 * Choose PIN or password, then type it twice. Used when setting up the first admin and when creating users.
 * Only the match between the two entries is checked here; the till service judges the secret itself.
 */
import { useId } from 'react';
import type { CredentialKind } from '../../shared/model';
import { TextField } from './text-field';

export interface SecretValue {
  kind: CredentialKind;
  secret: string;
  confirm: string;
}

export const emptySecret = (kind: CredentialKind = 'pin'): SecretValue => ({ kind, secret: '', confirm: '' });

export function secretMismatch(value: SecretValue): string | null {
  if (value.secret === value.confirm) return null;
  return value.kind === 'pin' ? 'The two PINs do not match.' : 'The two passwords do not match.';
}

interface SecretFieldsProps {
  value: SecretValue;
  onChange: (value: SecretValue) => void;
  legend?: string;
}

export function SecretFields({ value, onChange, legend = 'Signs in with' }: SecretFieldsProps) {
  const group = useId();
  const noun = value.kind === 'pin' ? 'PIN' : 'password';
  const choose = (kind: CredentialKind) => onChange({ kind, secret: '', confirm: '' });
  return (
    <fieldset className="secret-fields">
      <legend>{legend}</legend>
      <div className="choice-row">
        <label className="choice">
          <input type="radio" name={group} checked={value.kind === 'pin'} onChange={() => choose('pin')} />
          PIN (4–8 digits)
        </label>
        <label className="choice">
          <input type="radio" name={group} checked={value.kind === 'password'} onChange={() => choose('password')} />
          Password (8 or more characters)
        </label>
      </div>
      <TextField
        label={value.kind === 'pin' ? 'PIN' : 'Password'}
        type="password"
        inputMode={value.kind === 'pin' ? 'numeric' : 'text'}
        autoComplete="new-password"
        value={value.secret}
        onChange={(secret) => onChange({ ...value, secret })}
        required
      />
      <TextField
        label={`Confirm ${noun}`}
        type="password"
        inputMode={value.kind === 'pin' ? 'numeric' : 'text'}
        autoComplete="new-password"
        value={value.confirm}
        onChange={(confirm) => onChange({ ...value, confirm })}
        required
      />
    </fieldset>
  );
}
