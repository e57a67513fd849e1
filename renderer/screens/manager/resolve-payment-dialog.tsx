/**
 * A manager settles a card payment that was declined or expired after the sale: collects the amount again in cash
 * or by card, or writes it off with a reason (audited). The till checks again that it is still open.
 */
import { useId, useState, type FormEvent } from 'react';
import type { PaymentIssueView, PaymentsStatus } from '../../../shared/api/commands/payments-commands';
import type { ApiError } from '../../../shared/api/errors';
import type { TestCardName } from '../../../shared/payments/processor-api';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { FormActions, ModalDialog } from '../../components/modal-dialog';
import { TermRow } from '../../components/term-row';
import { TextField } from '../../components/text-field';
import { money } from '../sell/display-format';

export type Resolution = 'cash' | 'card' | 'writeOff';

const TITLES: Record<Resolution, string> = {
  cash: 'Collect in cash',
  card: 'Collect by card',
  writeOff: 'Write off a payment',
};

/** The fewest characters a write-off reason has (the till refuses fewer). */
const MIN_REASON = 3;

interface ResolvePaymentDialogProps {
  issue: PaymentIssueView;
  resolution: Resolution;
  /** For the card reader's test cards; null until the till has said. */
  status: PaymentsStatus | null;
  /** Resolved: what to tell the manager. */
  onDone: (message: string) => void;
  onCancel: () => void;
}

function refusalText(error: ApiError): string {
  if (error.code === 'PAYMENT_DECLINED') return `Payment declined. ${error.message}`;
  if (error.code === 'CARD_UNAVAILABLE') return `Card not taken. ${error.message}`;
  return error.message;
}

export function ResolvePaymentDialog({ issue, resolution, status, onDone, onCancel }: ResolvePaymentDialogProps) {
  const selectId = useId();
  const amount = money(issue.amount, issue.currency);
  const [testCard, setTestCard] = useState<TestCardName>('approve');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const simulated = status?.reader.simulated ?? false;

  const send = () => {
    if (resolution === 'writeOff') return api.call('payments.writeOff', { paymentId: issue.paymentId, reason: reason.trim() });
    if (resolution === 'card') return api.call('payments.collect', { paymentId: issue.paymentId, method: 'card', ...(simulated ? { testCard } : {}) });
    return api.call('payments.collect', { paymentId: issue.paymentId, method: 'cash' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (resolution === 'writeOff' && reason.trim().length < MIN_REASON) return setError('Say why it is written off (at least 3 characters).');
    setBusy(true);
    setError(null);
    const result = await send();
    setBusy(false);
    if (!result.ok) return setError(refusalText(result.error));
    const done = resolution === 'writeOff' ? `Wrote off ${amount} of receipt ${issue.saleNumber}.` : `Collected ${amount} ${resolution === 'cash' ? 'in cash' : 'by card'} for receipt ${issue.saleNumber}.`;
    onDone(`${done}${result.value.settled ? ' The sale is settled.' : ''}`);
  };

  return (
    <ModalDialog title={TITLES[resolution]} onClose={() => !busy && onCancel()}>
      <dl className="issue-facts">
        <TermRow term="Receipt" value={issue.saleNumber} />
        <TermRow term="Amount" value={amount} />
        <TermRow term="Card" value={issue.card || '—'} />
        <TermRow term="Customer contact" value={issue.contact || 'none taken'} />
        <TermRow term="Why" value={issueWhy(issue)} />
      </dl>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {resolution === 'cash' ? <p>Take {amount} in cash from the customer, then confirm.</p> : null}
        {resolution === 'card' ? (
          <>
            <p>Ask the customer to present a card for {amount}. It is charged online only.</p>
            {simulated ? (
              <div className="field">
                <label htmlFor={selectId}>Card on the reader</label>
                <select id={selectId} value={testCard} onChange={(e) => setTestCard(e.target.value as TestCardName)} data-autofocus>
                  {status!.reader.testCards.map((card) => (
                    <option key={card.name} value={card.name}>
                      {card.label}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </>
        ) : null}
        {resolution === 'writeOff' ? (
          <TextField
            label="Reason"
            hint="Why the store gives this amount up. It is kept in the activity log."
            value={reason}
            onChange={setReason}
            maxLength={300}
            autoComplete="off"
            required
            data-autofocus
          />
        ) : null}
        <AlertMessage message={error} />
        <FormActions submitLabel={resolution === 'cash' ? 'Cash received' : resolution === 'card' ? `Charge card ${amount}` : `Write off ${amount}`} busy={busy} onCancel={onCancel} />
      </form>
    </ModalDialog>
  );
}

/** Why the payment needs a manager: "Declined: insufficient funds", "Expired: …". */
export function issueWhy(issue: Pick<PaymentIssueView, 'status' | 'reason'>): string {
  const what = issue.status === 'expired' ? 'Expired' : 'Declined';
  if (issue.reason) return `${what}: ${issue.reason}`;
  return issue.status === 'expired' ? `${what}: not sent to the card processor within 24 hours` : what;
}
