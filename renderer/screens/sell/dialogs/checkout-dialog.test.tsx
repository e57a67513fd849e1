/**
 * The payment dialog as a clerk uses it: opened by its function key, amounts typed key by key, confirmed with
 * Enter, closed with Esc. The till behind the bridge is scripted; everything from the client up is real.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CartView } from '../../../../shared/api/commands/selling-commands';
import { deferred } from '../../../test-support/deferred';
import { installFakeBridge, ok, refused } from '../../../test-support/fake-bridge';
import { answerSellingReads, CLARA_SESSION, receiptFor } from '../../../test-support/till-fixtures';
import { person } from '../../../test-support/ui';
import { SellArea } from '../sell-area';
import { cart as cartOf, line } from '../test-carts';

const bridge = installFakeBridge();

/** Two lines, €12.34 to pay. */
const CART: CartView = { ...cartOf([line('bread', 1000, { name: 'Bread' }), line('milk', 2000, { name: 'Milk' })], 7), total: 1234, cashTotal: 1234 };

async function openPayment(key: 'F2' | 'F3' | 'F5') {
  render(<SellArea session={CLARA_SESSION} />);
  await screen.findByText('2 lines');
  await person.press(key);
  return screen.getByRole('dialog', { name: 'Payment' });
}

const button = (scope: HTMLElement, name: string | RegExp) => within(scope).getByRole('button', { name }) as HTMLButtonElement;

describe('the payment dialog', () => {
  beforeEach(() => {
    bridge.reset();
    answerSellingReads(bridge, CART);
  });

  it('takes cash typed by the clerk, confirmed with Enter, and shows the change', async () => {
    bridge.answer('checkout.pay', ({ tenders }) => ok(receiptFor(CART, tenders, 2000 - 1234)));
    const payment = await openPayment('F2');
    expect(within(payment).getByLabelText('Total').textContent).toBe('€12.34');
    expect(document.activeElement).toBe(within(payment).getByLabelText('Amount tendered'));

    await person.type('20{Enter}');

    const done = await screen.findByRole('dialog', { name: 'Sale complete' });
    expect(within(done).getByRole('status').textContent).toBe('Change due €7.66');
    expect(bridge.inputsOf('checkout.pay')).toEqual([{ cartRevision: 7, tenders: [{ method: 'cash', amount: 2000 }] }]);
    expect(screen.queryByRole('dialog', { name: 'Payment' })).toBeNull();
  });

  it('refuses an amount it cannot read without asking the till', async () => {
    const payment = await openPayment('F2');
    await person.type('12,3.4{Enter}');
    expect(within(payment).getByRole('alert').textContent).not.toBe('');
    expect(bridge.inputsOf('checkout.pay')).toEqual([]);
  });

  it('charges the card total; the confirm button rests while the till answers and comes back after a decline', async () => {
    const answer = deferred<ReturnType<typeof refused>>();
    bridge.answer('checkout.pay', () => answer.promise);
    const payment = await openPayment('F3');
    const charge = button(payment, 'Charge card €12.34');
    expect(document.activeElement).toBe(charge);

    await person.press('Enter');
    expect(bridge.inputsOf('checkout.pay')).toEqual([{ cartRevision: 7, tenders: [{ method: 'card', amount: 1234 }] }]);
    expect(charge.disabled).toBe(true);
    expect(button(payment, 'Back to the sale').disabled).toBe(true);
    // Esc while the till is deciding leaves the dialog where it is.
    await person.press('Escape');
    expect(screen.getByRole('dialog', { name: 'Payment' })).toBe(payment);

    answer.resolve(refused('PAYMENT_DECLINED', 'Card declined: ask for another payment.'));
    expect((await within(payment).findByRole('alert')).textContent).toBe('Payment declined. Card declined: ask for another payment.');
    expect(charge.disabled).toBe(false);
    expect(bridge.inputsOf('checkout.pay')).toHaveLength(1);
  });

  it('splits: card first, the rest in cash, in the order listed', async () => {
    bridge.answer('checkout.pay', ({ tenders }) => ok(receiptFor(CART, tenders, 0)));
    const payment = await openPayment('F5');
    expect(document.activeElement).toBe(within(payment).getByLabelText('Tender 1 amount'));
    await person.type('5');
    expect(within(payment).getByText(/Still to pay/).textContent).toBe('Still to pay: €7.34');

    await person.click(button(payment, 'Add tender'));
    await person.click(button(payment, 'Fill tender 2 with the rest'));
    expect((within(payment).getByLabelText('Tender 2 amount') as HTMLInputElement).value).toBe('7.34');
    expect((within(payment).getByLabelText('Tender 2 method') as HTMLSelectElement).value).toBe('cash');
    within(payment).getByLabelText('Tender 2 amount').focus();
    await person.type('{Enter}');

    await screen.findByRole('dialog', { name: 'Sale complete' });
    expect(bridge.inputsOf('checkout.pay')).toEqual([
      {
        cartRevision: 7,
        tenders: [
          { method: 'card', amount: 500 },
          { method: 'cash', amount: 734 },
        ],
      },
    ]);
  });

  it('will not split with a tender left empty or at zero', async () => {
    const payment = await openPayment('F5');
    await person.type('5');
    await person.click(button(payment, 'Add tender'));
    await person.click(button(payment, 'Take payment'));
    expect(within(payment).getByRole('alert').textContent).toBe('Tender 2: Enter an amount.');
    within(payment).getByLabelText('Tender 2 amount').focus();
    await person.type('0{Enter}');
    expect(within(payment).getByRole('alert').textContent).toBe('Tender 2: enter an amount above zero.');
    expect(bridge.inputsOf('checkout.pay')).toEqual([]);
  });

  it('after a payment cut off by a restart, says it may have gone through and takes no other', async () => {
    bridge.answer('checkout.pay', () =>
      refused('INTERRUPTED', 'The till restarted before it answered: this may or may not have been done.'),
    );
    const payment = await openPayment('F2');
    await person.type('20{Enter}');

    const alert = await within(payment).findByRole('alert');
    expect(alert.textContent).toContain('may or may not have gone through');
    expect(alert.textContent).toContain('Check the sales history before taking it again');
    expect(alert.textContent).toContain('The till restarted before it answered');
    const takeCash = button(payment, 'Take cash');
    expect(takeCash.disabled).toBe(true);
    expect(within(payment).getAllByRole('button', { name: /^Exact/ }).every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    // Enter again in the amount field: a person trying once more, which must not reach the till.
    within(payment).getByLabelText('Amount tendered').focus();
    await person.press('Enter');
    expect(bridge.inputsOf('checkout.pay')).toHaveLength(1);
    expect(button(payment, 'Back to the sale').disabled).toBe(false);
  });

  it('closes on Esc and gives the search box the keyboard again', async () => {
    await openPayment('F2');
    await person.type('5');
    await person.press('Escape');
    expect(screen.queryByRole('dialog', { name: 'Payment' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Search products/)));
    expect(bridge.inputsOf('checkout.pay')).toEqual([]);
  });
});
