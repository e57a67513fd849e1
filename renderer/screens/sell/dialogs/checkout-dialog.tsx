/**
 * Taking payment: cash (tendered amount or a quick-cash key), card, or split across several tenders in order.
 * The till service settles it: it checks the amounts, applies cash rounding and answers with the change due. A
 * card refused (declined, or not takeable while the processor is offline) leaves the dialog open for another payment.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors';
import { isErrorCode, SELLING_ERRORS } from '../../../api/selling-api';
import { ModalDialog } from '../../../components/modal-dialog';
import { TermRow } from '../../../components/term-row';
import { describeInterruption } from '../../../state/core-store';
import { usePaymentsStatus } from '../../payments/use-payments-status';
import { money } from '../display-format';
import type { CheckoutMode } from '../sell-store';
import { useSell, useSellSession } from '../sell-session';
import { withCardChoice } from './card-choice';
import { CardTender, CashTender } from './cash-card-tender';
import { SplitTender } from './split-tender';
import { DEFAULT_CARD_CHOICE, type CardChoice, type Tender, type TenderProps } from './tender';

const MODES: { mode: CheckoutMode; label: string }[] = [
  { mode: 'cash', label: 'Cash' },
  { mode: 'card', label: 'Card' },
  { mode: 'split', label: 'Split' },
];

function PaymentError({ error }: { error: ApiError | null }) {
  if (!error) return null;
  const interruption = describeInterruption('checkout.pay', error);
  if (interruption) {
    return (
      <div role="alert" className="alert">
        <p>
          {interruption.title}. {interruption.advice}
        </p>
        <p className="till-notice-detail">{error.message}</p>
      </div>
    );
  }
  const title = isErrorCode(error, SELLING_ERRORS.paymentDeclined) ? 'Payment declined. ' : isErrorCode(error, SELLING_ERRORS.cardUnavailable) ? 'Card not taken. ' : '';
  return (
    <p role="alert" className="alert">
      {title}
      {error.message}
    </p>
  );
}

export function CheckoutDialog({ initialMode }: { initialMode: CheckoutMode }) {
  const { store } = useSellSession();
  const cart = useSell((s) => s.cart);
  const [mode, setMode] = useState(initialMode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const payments = usePaymentsStatus();
  const [cardChoice, setCardChoice] = useState<CardChoice>(DEFAULT_CARD_CHOICE);
  const tender = useRef<HTMLDivElement>(null);
  // Each way of paying starts where the clerk acts first: the amount field, or the charge button.
  useEffect(() => tender.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus(), [mode]);
  const close = () => !busy && store.getState().close();
  if (!cart) return null;

  const pay = async (tenders: Tender[]) => {
    setBusy(true);
    setError(null);
    const refused = await store.getState().pay(withCardChoice(tenders, payments, cardChoice));
    // On success the store swaps this dialog for the receipt.
    if (refused) {
      setBusy(false);
      setError(refused);
    }
  };
  // A payment cut off by a restart may have gone through: this dialog takes no other, not even by accident.
  const locked = busy || isErrorCode(error, SELLING_ERRORS.interrupted);
  const card = { status: payments, choice: cardChoice, onChange: setCardChoice };
  const props: TenderProps = { cart, busy: locked, pay: (t) => void pay(t), card };

  return (
    <ModalDialog title="Payment" onClose={close} className="checkout-dialog">
      <dl className="checkout-due">
        <TermRow term="Total" value={money(cart.total, cart.currency)} />
        {cart.cashTotal !== cart.total ? <TermRow term="In cash" value={money(cart.cashTotal, cart.currency)} /> : null}
      </dl>
      <div className="mode-switch" role="group" aria-label="Payment method">
        {MODES.map((m) => (
          <button key={m.mode} type="button" className="mode-button" aria-pressed={mode === m.mode} onClick={() => setMode(m.mode)} disabled={locked}>
            {m.label}
          </button>
        ))}
      </div>
      <div ref={tender}>
        {mode === 'cash' ? <CashTender {...props} /> : mode === 'card' ? <CardTender {...props} /> : <SplitTender {...props} />}
      </div>
      <PaymentError error={error} />
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={close} disabled={busy}>
          Back to the sale
        </button>
      </div>
    </ModalDialog>
  );
}
