/**
 * Cash: type what the customer hands over, or tap a quick-cash key. Card: charge the total (with the simulated
 * reader's card, and what the processor's state means for it).
 */
import { useState, type FormEvent } from 'react';
import { currencyDigits } from '../../../../shared/money';
import { AlertMessage } from '../../../components/alert-message';
import { TextField } from '../../../components/text-field';
import { money } from '../display-format';
import { parseAmount } from '../entry-parsing';
import { quickCashAmounts } from '../quick-cash';
import { cardOutlook } from '../../payments/payments-format';
import { CARD_NOTICE_ID, CardChoiceFields } from './card-choice';
import type { TenderProps } from './tender';

export function CashTender({ cart, busy, pay }: TenderProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const quick = quickCashAmounts(cart.cashTotal, currencyDigits(cart.currency));
  const m = (minor: number) => money(minor, cart.currency);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseAmount(text, cart.currency);
    if (!parsed.ok) return setError(parsed.message);
    setError(null);
    pay([{ method: 'cash', amount: parsed.value }]);
  };

  return (
    <form className="form tender-form" onSubmit={submit} noValidate>
      <TextField label="Amount tendered" hint={`At least ${m(cart.cashTotal)}`} inputMode="decimal" autoComplete="off" value={text} onChange={setText} data-autofocus />
      <AlertMessage message={error} />
      <button type="submit" className="pay-confirm" disabled={busy}>
        Take cash
      </button>
      <div className="quick-cash" role="group" aria-label="Quick cash">
        {quick.map((amount, i) => (
          <button key={amount} type="button" className="button-secondary quick-cash-key" disabled={busy} onClick={() => pay([{ method: 'cash', amount }])}>
            {i === 0 ? `Exact ${m(amount)}` : m(amount)}
          </button>
        ))}
      </div>
    </form>
  );
}

export function CardTender({ cart, busy, pay, card }: TenderProps) {
  const noticed = cardOutlook(card.status, [cart.total]) !== null;
  // A form, so Enter in the contact field charges the card as the button does.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    pay([{ method: 'card', amount: cart.total }]);
  };
  return (
    <form className="form tender-form" onSubmit={submit} noValidate>
      <p>Ask the customer to tap, insert or swipe their card.</p>
      <CardChoiceFields {...card} amounts={[cart.total]} />
      <button type="submit" className="pay-confirm" disabled={busy} aria-describedby={noticed ? CARD_NOTICE_ID : undefined} data-autofocus>
        Charge card {money(cart.total, cart.currency)}
      </button>
    </form>
  );
}
