/**
 * The card pane of the payment dialog: the simulated reader's test card, what the clerk is told while the card
 * processor cannot be reached (approved offline within the caps, or no card at all), the customer contact for a card
 * taken offline, and a card the till would not take followed by another payment.
 */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PaymentsStatus } from '../../../../shared/api/commands/payments-commands';
import type { CartView } from '../../../../shared/api/commands/selling-commands';
import { installFakeBridge, ok, refused } from '../../../test-support/fake-bridge';
import { answerSellingReads, CLARA_SESSION, paymentsStatus, receiptFor, SIMULATED_READER } from '../../../test-support/till-fixtures';
import { person } from '../../../test-support/ui';
import { SellArea } from '../sell-area';
import { cart as cartOf, line } from '../test-carts';

const bridge = installFakeBridge();

/** €12.34 to pay. */
const CART: CartView = { ...cartOf([line('bread', 1000, { name: 'Bread' }), line('milk', 2000, { name: 'Milk' })], 7), total: 1234, cashTotal: 1234 };
const OFFLINE_ON = { enabled: true, perPaymentCap: 5_000, terminalCap: 20_000 };

async function openCardPayment(status: PaymentsStatus, key: 'F3' | 'F5' = 'F3') {
  bridge.answer('payments.status', () => ok(status));
  render(<SellArea session={CLARA_SESSION} />);
  await screen.findByText('2 lines');
  await person.press(key);
  return screen.getByRole('dialog', { name: 'Payment' });
}

const chargeButton = (payment: HTMLElement) => within(payment).getByRole('button', { name: 'Charge card €12.34' }) as HTMLButtonElement;

describe('the card pane', () => {
  beforeEach(() => {
    bridge.reset();
    answerSellingReads(bridge, CART);
  });

  it('sends the test card chosen on a simulated reader; a decline is shown and the clerk may try again', async () => {
    bridge.answer('checkout.pay', () => refused('PAYMENT_DECLINED', 'Card declined for 12.34 EUR (insufficient funds) — ask for another payment. Nothing was charged.'));
    const payment = await openCardPayment(paymentsStatus({ reader: SIMULATED_READER }));
    const reader = (await within(payment).findByLabelText('Card on the reader')) as HTMLSelectElement;
    expect(reader.value).toBe('approve');
    expect([...reader.options].map((o) => o.text)).toEqual(SIMULATED_READER.testCards.map((c) => c.label));

    reader.focus();
    await person.type('m');
    expect(reader.value).toBe('insufficientFunds');
    await person.click(chargeButton(payment));

    expect(bridge.inputsOf('checkout.pay')).toEqual([{ cartRevision: 7, tenders: [{ method: 'card', amount: 1234, testCard: 'insufficientFunds' }] }]);
    expect((await within(payment).findByRole('alert')).textContent).toBe('Payment declined. Card declined for 12.34 EUR (insufficient funds) — ask for another payment. Nothing was charged.');
    expect(chargeButton(payment).disabled).toBe(false);
  });

  it('says the card will be approved offline, with what the caps leave, and sends the customer contact', async () => {
    bridge.answer('checkout.pay', ({ tenders }) => {
      const paid = receiptFor(CART, tenders, 0);
      paid.receipt.payments = [{ method: 'card', amount: 1234, status: 'queued', card: 'Visa \u2022\u2022\u2022\u2022 4242', offline: true }];
      paid.receipt.settlement = 'waiting';
      return ok(paid);
    });
    const payment = await openCardPayment(paymentsStatus({ offlineCards: OFFLINE_ON }));
    expect(within(payment).queryByText(/cannot be reached/)).toBeNull();
    expect(within(payment).queryByLabelText('Customer contact')).toBeNull();

    // The till finds the processor gone while the dialog is open.
    await bridge.push('payments.status', paymentsStatus({ processor: 'unreachable', offlineCards: OFFLINE_ON, offlineRoom: 15_000 }));
    const notice = within(payment).getByText(/approved offline/);
    expect(notice.textContent).toBe(
      'The card processor cannot be reached: the card will be approved offline and charged when it is back. Offline limits: €50.00 per card, €150.00 left on this till.',
    );
    expect(chargeButton(payment).getAttribute('aria-describedby')).toBe(notice.id);

    within(payment).getByLabelText('Customer contact').focus();
    await person.type('+49 170 555{Enter}');

    expect(bridge.inputsOf('checkout.pay')).toEqual([{ cartRevision: 7, tenders: [{ method: 'card', amount: 1234, contact: '+49 170 555' }] }]);
    const done = await screen.findByRole('dialog', { name: 'Sale complete' });
    expect(within(done).getByText(/^Card approved offline/)).toBeTruthy();
    expect(within(done).getByRole('article', { name: 'Receipt T1-000001' }).textContent).toContain('Approved offline · Queued for the card processor');
  });

  it('says when no card can be taken, shows the till\u2019s CARD_UNAVAILABLE, and then takes cash', async () => {
    bridge.answer('checkout.pay', ({ tenders }) =>
      tenders[0]!.method === 'card'
        ? refused('CARD_UNAVAILABLE', 'The card processor cannot be reached and the store does not take cards offline. Nothing was charged: take another payment.')
        : ok(receiptFor(CART, tenders, 2000 - 1234)),
    );
    const payment = await openCardPayment(paymentsStatus({ processor: 'unreachable' }));
    expect(within(payment).getByText(/does not take cards offline: take cash/)).toBeTruthy();
    expect(within(payment).queryByLabelText('Customer contact')).toBeNull();

    await person.click(chargeButton(payment));
    expect((await within(payment).findByRole('alert')).textContent).toBe(
      'Card not taken. The card processor cannot be reached and the store does not take cards offline. Nothing was charged: take another payment.',
    );

    await person.click(within(payment).getByRole('button', { name: 'Cash' }));
    within(payment).getByLabelText('Amount tendered').focus();
    await person.type('20{Enter}');
    await screen.findByRole('dialog', { name: 'Sale complete' });
    expect(bridge.inputsOf('checkout.pay').map((i) => i.tenders)).toEqual([[{ method: 'card', amount: 1234 }], [{ method: 'cash', amount: 2000 }]]);
  });

  it('in a split, names the reader\u2019s card on card tenders only, and judges the caps on the card part', async () => {
    bridge.answer('checkout.pay', ({ tenders }) => ok(receiptFor(CART, tenders, 0)));
    const payment = await openCardPayment(paymentsStatus({ reader: SIMULATED_READER, processor: 'unreachable', offlineCards: { ...OFFLINE_ON, perPaymentCap: 400 }, offlineRoom: 15_000 }), 'F5');
    await person.type('5');
    expect(within(payment).getByText(/is over the offline limit/).textContent).toContain('€5.00 is over the offline limit of €4.00 per card');
    await person.type('{Backspace}3');
    expect(within(payment).getByText(/approved offline/)).toBeTruthy();

    await person.click(within(payment).getByRole('button', { name: 'Add tender' }));
    await person.click(within(payment).getByRole('button', { name: 'Fill tender 2 with the rest' }));
    await person.click(within(payment).getByRole('button', { name: 'Take payment' }));
    await screen.findByRole('dialog', { name: 'Sale complete' });
    expect(bridge.inputsOf('checkout.pay')).toEqual([
      {
        cartRevision: 7,
        tenders: [
          { method: 'card', amount: 300, testCard: 'approve' },
          { method: 'cash', amount: 934 },
        ],
      },
    ]);
  });
});
