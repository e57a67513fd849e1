/**
 * A manager approves at the till: their user name and PIN (or password) go with the refused request, and the
 * till service checks them and audits both people. Wrong credentials keep the dialog open with the reason.
 */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../shared/api/errors';
import type { Approval } from '../../../api/selling-api';
import { AlertMessage } from '../../../components/alert-message';
import { FormActions, ModalDialog } from '../../../components/modal-dialog';
import { TextField } from '../../../components/text-field';

interface ApprovalDialogProps {
  reason: string;
  attempt: (approval: Approval) => Promise<ApiError | null>;
  onCancel: () => void;
  /** What the manager approves, on the button: "Approve discount". */
  action?: string;
}

export function ApprovalDialog({ reason, attempt, onCancel, action = 'Approve' }: ApprovalDialogProps) {
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (username.trim() === '' || secret === '') return setError('Enter the manager’s user name and PIN.');
    setBusy(true);
    setError(null);
    const refused = await attempt({ username: username.trim().toLowerCase(), secret });
    setBusy(false);
    if (refused) {
      setError(refused.message);
      setSecret('');
    }
  };

  return (
    <ModalDialog title="Manager approval" onClose={onCancel}>
      <p className="dialog-reason">{reason}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Manager username" value={username} onChange={setUsername} autoComplete="off" autoCapitalize="none" data-autofocus />
        <TextField label="Manager PIN or password" type="password" value={secret} onChange={setSecret} autoComplete="off" />
        <AlertMessage message={error} />
        <FormActions submitLabel={action} busy={busy} onCancel={onCancel} />
      </form>
    </ModalDialog>
  );
}
