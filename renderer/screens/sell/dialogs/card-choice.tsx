/**
 * What a card tender needs besides its amount: which test card the simulated reader "reads", what happens to the
 * card while the processor cannot be reached (approved offline within the caps, or not taken at all), and a
 * customer contact in case a card taken offline is declined later.
 */
import { useId } from 'react';
import type { PaymentsStatus } from '../../../../shared/api/commands/payments-commands';
import type { CheckoutTender } from '../../../api/selling-api';
import { TextField } from '../../../components/text-field';
import { cardOutlook } from '../../payments/payments-format';
import type { TestCardName } from '../../../../shared/payments/processor-api';
import type { CardChoice, CardChoiceProps, Tender } from './tender';
import '../../payments/payments.css';

/** The id of the card notice, for the charge button's description. */
export const CARD_NOTICE_ID = 'checkout-card-notice';

export function CardChoiceFields({ status, choice, onChange, amounts }: CardChoiceProps & { amounts: readonly number[] }) {
  const selectId = useId();
  const outlook = cardOutlook(status, amounts);
  return (
    <div className="card-choice">
      {status?.reader.simulated ? (
        <div className="field">
          <label htmlFor={selectId}>Card on the reader</label>
          <select id={selectId} value={choice.testCard} onChange={(e) => onChange({ ...choice, testCard: e.target.value as TestCardName })}>
            {status.reader.testCards.map((card) => (
              <option key={card.name} value={card.name}>
                {card.label}
              </option>
            ))}
          </select>
          <span className="field-hint">Simulated reader: the test card the customer presents.</span>
        </div>
      ) : null}
      {outlook ? (
        <p id={CARD_NOTICE_ID} className={`card-notice${outlook.kind === 'refused' ? ' card-notice-refused' : ''}`}>
          {outlook.text}
        </p>
      ) : null}
      {outlook?.kind === 'offline' ? (
        <TextField
          label="Customer contact"
          hint="Optional: a phone number or e-mail, in case the card is declined when it is sent."
          autoComplete="off"
          maxLength={120}
          value={choice.contact}
          onChange={(contact) => onChange({ ...choice, contact })}
        />
      ) : null}
    </div>
  );
}

/**
 * The tenders as checkout.pay takes them: every card tender names the test card when the reader is simulated, and
 * carries the contact when the clerk was asked for one (the card is going to be taken offline).
 */
export function withCardChoice(tenders: readonly Tender[], status: PaymentsStatus | null, choice: CardChoice): CheckoutTender[] {
  const cards = tenders.filter((t) => t.method === 'card').map((t) => t.amount);
  const contact = cardOutlook(status, cards)?.kind === 'offline' ? choice.contact.trim() : '';
  return tenders.map((t) => {
    if (t.method !== 'card') return t;
    return {
      ...t,
      ...(status?.reader.simulated ? { testCard: choice.testCard } : {}),
      ...(contact !== '' ? { contact } : {}),
    };
  });
}
