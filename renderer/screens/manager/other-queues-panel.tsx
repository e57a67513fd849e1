/**
 * Card payments other tills took offline and have not sent yet (as far as sync has brought them here). Each till
 * sends its own when the processor is back; a till that is gone for good (broken, lost, replaced) never will, so a
 * manager can have this till send them instead — with the same keys, so no card is charged twice.
 */
import { useState, type FormEvent } from 'react';
import type { WaitingElsewhereView } from '../../../shared/api/commands/payments-commands';
import { api } from '../../api/client';
import { useCommand, usePushEvent } from '../../api/use-api';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { FormActions, ModalDialog } from '../../components/modal-dialog';
import { formatTime, money } from '../sell/display-format';

const cards = (n: number) => `${n} card ${n === 1 ? 'payment' : 'payments'}`;

export function OtherQueuesPanel() {
  const queues = useCommand('payments.waitingElsewhere', {});
  const [confirming, setConfirming] = useState<WaitingElsewhereView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Any payment that changes, here or synced from another till, may change the other tills' queues.
  usePushEvent('payments.status', () => queues.reload());

  const rows = queues.value;
  return (
    <section className="panel" aria-labelledby="other-queues-heading">
      <div className="panel-header">
        <h2 id="other-queues-heading">Queues of other tills</h2>
        <button type="button" className="button-small button-secondary" onClick={queues.reload} disabled={queues.loading}>
          Refresh
        </button>
      </div>
      <p className="field-hint">Cards other tills took offline and have not sent yet. Each till sends its own when it can; take over only the queue of a till that is gone.</p>
      <AlertMessage message={queues.error?.message} />
      <StatusMessage message={done} />
      {rows?.length === 0 ? <p className="empty-note">No other till has card payments waiting.</p> : null}
      {rows && rows.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">Card payments waiting on other tills</caption>
          <thead>
            <tr>
              <th scope="col">Till</th>
              <th scope="col">Waiting</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.terminalId}>
                <th scope="row" className="code">
                  {row.terminalId}
                </th>
                <td>
                  {cards(row.count)} · {money(row.amount, row.currency)}
                </td>
                <td>
                  <time dateTime={row.oldest}>{formatTime(row.oldest)}</time>
                </td>
                <td>
                  <button type="button" className="button-small button-secondary" onClick={() => setConfirming(row)} aria-label={`Take over the queue of till ${row.terminalId}`}>
                    Take over…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {confirming ? (
        <TakeOverDialog
          queue={confirming}
          currency={confirming.currency}
          onCancel={() => setConfirming(null)}
          onDone={(message) => {
            setConfirming(null);
            setDone(message);
            queues.reload();
          }}
        />
      ) : null}
    </section>
  );
}

interface TakeOverDialogProps {
  queue: WaitingElsewhereView;
  currency: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function TakeOverDialog({ queue, currency, onDone, onCancel }: TakeOverDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await api.call('payments.takeOver', { terminalId: queue.terminalId });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onDone(`This till now sends ${cards(result.value.taken)} (${money(result.value.amount, currency)}) of till ${queue.terminalId}.`);
  };
  return (
    <ModalDialog title={`Take over the queue of till ${queue.terminalId}?`} onClose={() => !busy && onCancel()}>
      <p className="dialog-reason">
        Only for a till that is gone for good (broken, lost or replaced). A till that is merely offline sends its own cards when it is back.
      </p>
      <p>
        This till will send the {cards(queue.count)} ({money(queue.amount, currency)}) that till {queue.terminalId} took offline, with the same keys: a card
        already charged is not charged again.
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <AlertMessage message={error} />
        <FormActions submitLabel="Take over" busy={busy} onCancel={onCancel} />
      </form>
    </ModalDialog>
  );
}
