/** A manager gives a user a temporary PIN or password; the user must choose their own at the next login. */
import { useState, type FormEvent } from 'react';
import type { UserListEntry } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { FormActions, ModalDialog } from '../../components/modal-dialog';
import { TextField } from '../../components/text-field';

interface ResetSecretDialogProps {
  user: UserListEntry;
  onDone: (message: string) => void;
  onClose: () => void;
}

export function ResetSecretDialog({ user, onDone, onClose }: ResetSecretDialogProps) {
  const pin = user.credentialKind === 'pin';
  const noun = pin ? 'PIN' : 'password';
  const [secret, setSecret] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (secret !== repeat) return setError(`The two ${noun}s do not match.`);
    setBusy(true);
    setError(null);
    const result = await api.call('users.resetSecret', { userId: user.id, secret });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onDone(`${user.displayName} must choose a new ${noun} at the next login.`);
  };

  const field = { type: 'password', inputMode: pin ? ('numeric' as const) : ('text' as const), autoComplete: 'new-password', required: true };
  return (
    <ModalDialog title={`Reset the ${noun} of ${user.displayName}`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="field-hint">
          Give {user.displayName} a temporary {noun}{pin ? ' (4 to 8 digits)' : ' (8 or more characters)'}. At the next login they must choose their own.
        </p>
        <TextField label={`Temporary ${noun}`} value={secret} onChange={setSecret} data-autofocus {...field} />
        <TextField label={`Repeat temporary ${noun}`} value={repeat} onChange={setRepeat} {...field} />
        <AlertMessage message={error} />
        <FormActions submitLabel={`Reset ${noun}`} busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
