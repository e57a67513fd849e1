/**
 * The managers' worklist of card payments declined or expired after the sale: collecting one in cash or by card,
 * writing one off (never without a reason), the list following the till's pushes, and the status bar's count
 * leading to it from the selling screen.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentIssueView } from '../../../shared/api/commands/payments-commands';
import { installFakeBridge, ok, refused } from '../../test-support/fake-bridge';
import { answerSellingReads, MARIA, MARIA_SESSION, paymentsStatus, SIMULATED_READER } from '../../test-support/till-fixtures';
import { person } from '../../test-support/ui';
import { HomeScreen } from '../home/home-screen';
import { cart } from '../sell/test-carts';
import { WorklistPanel } from './payments-worklist';

const bridge = installFakeBridge();

const DECLINED: PaymentIssueView = {
  paymentId: 'T2-S9-P1',
  saleId: 'T2-S9',
  saleNumber: 'T2-000042',
  terminalId: 'T2',
  clerkName: 'Clara Clerk',
  amount: 1_299,
  currency: 'EUR',
  takenAt: '2026-03-02T09:05:00.000Z',
  status: 'declined',
  reason: 'Insufficient funds',
  card: 'Mastercard \u2022\u2022\u2022\u2022 9995',
  contact: 'ana@example.org',
};

/** The worklist the till holds: `issues` until something resolves one. */
function answerWorklist(issues: PaymentIssueView[]) {
  const open = { issues };
  bridge.answer('payments.worklist', () => ok(open.issues));
  return open;
}

async function openWorklist(status = paymentsStatus({ attention: 1 })) {
  bridge.answer('payments.status', () => ok(status));
  const onResolved = vi.fn();
  render(<WorklistPanel focus={false} onResolved={onResolved} />);
  const panel = screen.getByRole('region', { name: 'Payments to resolve' });
  await within(panel).findByRole('rowheader', { name: DECLINED.saleNumber });
  return { panel, onResolved };
}

describe('the worklist', () => {
  beforeEach(() => bridge.reset());

  it('lists each payment with till, clerk, amount, card, contact and why', async () => {
    answerWorklist([DECLINED]);
    const { panel } = await openWorklist();
    const row = within(panel).getByRole('row', { name: /T2-000042/ });
    for (const text of ['T2', 'Clara Clerk', '€12.99', 'Mastercard \u2022\u2022\u2022\u2022 9995', 'ana@example.org', 'Declined: Insufficient funds']) {
      expect(row.textContent).toContain(text);
    }
  });

  it('collects a declined card in cash through payments.collect, and the list empties', async () => {
    const till = answerWorklist([DECLINED]);
    bridge.answer('payments.collect', () => {
      till.issues = [];
      return ok({ paymentId: 'T1-R1', settled: true });
    });
    const { panel, onResolved } = await openWorklist();

    await person.click(within(panel).getByRole('button', { name: 'Collect in cash for T2-000042' }));
    const dialog = screen.getByRole('dialog', { name: 'Collect in cash' });
    expect(within(dialog).getByLabelText('Amount').textContent).toBe('€12.99');
    expect(within(dialog).getByLabelText('Customer contact').textContent).toBe('ana@example.org');
    await person.click(within(dialog).getByRole('button', { name: 'Cash received' }));

    expect(bridge.inputsOf('payments.collect')).toEqual([{ paymentId: 'T2-S9-P1', method: 'cash' }]);
    expect(await within(panel).findByText('No card payments to resolve.')).toBeTruthy();
    expect(within(panel).getByRole('status').textContent).toBe('Collected €12.99 in cash for receipt T2-000042. The sale is settled.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onResolved).toHaveBeenCalledTimes(1);
  });

  it('will not write off without a reason; with one, sends it', async () => {
    answerWorklist([DECLINED]);
    bridge.answer('payments.writeOff', () => ok({ paymentId: 'T1-R2', settled: true }));
    const { panel } = await openWorklist();

    await person.click(within(panel).getByRole('button', { name: 'Write off T2-000042' }));
    const dialog = screen.getByRole('dialog', { name: 'Write off a payment' });
    const reason = within(dialog).getByLabelText('Reason');
    expect(document.activeElement).toBe(reason);
    await person.type('  {Enter}');
    expect(within(dialog).getByRole('alert').textContent).toBe('Say why it is written off (at least 3 characters).');
    expect(bridge.inputsOf('payments.writeOff')).toEqual([]);

    await person.type('Customer could not be reached{Enter}');
    expect(bridge.inputsOf('payments.writeOff')).toEqual([{ paymentId: 'T2-S9-P1', reason: 'Customer could not be reached' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('collects by card with the reader\u2019s test card; a decline keeps the dialog open with the till\u2019s reason', async () => {
    answerWorklist([DECLINED]);
    bridge.answer('payments.collect', () => refused('PAYMENT_DECLINED', 'Card declined for 12.99 EUR (card declined) — ask for another payment. Nothing was charged.'));
    const { panel } = await openWorklist(paymentsStatus({ attention: 1, reader: SIMULATED_READER }));

    await person.click(within(panel).getByRole('button', { name: 'Collect by card for T2-000042' }));
    const dialog = screen.getByRole('dialog', { name: 'Collect by card' });
    const reader = within(dialog).getByLabelText('Card on the reader') as HTMLSelectElement;
    expect(reader.value).toBe('approve');
    reader.focus();
    await person.type('v');
    expect(reader.value).toBe('decline');
    await person.click(within(dialog).getByRole('button', { name: 'Charge card €12.99' }));

    expect(bridge.inputsOf('payments.collect')).toEqual([{ paymentId: 'T2-S9-P1', method: 'card', testCard: 'decline' }]);
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^Payment declined\. Card declined for 12\.99 EUR/);
    expect(screen.getByRole('dialog', { name: 'Collect by card' })).toBe(dialog);
  });

  it('reads the list again when the till pushes a new count (a decline synced from another till)', async () => {
    const till = answerWorklist([]);
    bridge.answer('payments.status', () => ok(paymentsStatus()));
    render(<WorklistPanel focus={false} onResolved={() => undefined} />);
    const panel = screen.getByRole('region', { name: 'Payments to resolve' });
    await within(panel).findByText('No card payments to resolve.');

    till.issues = [DECLINED];
    await bridge.push('payments.status', paymentsStatus({ attention: 1 }));
    expect(await within(panel).findByRole('rowheader', { name: 'T2-000042' })).toBeTruthy();
  });
});

describe('the way to the worklist', () => {
  beforeEach(() => {
    bridge.reset();
    answerSellingReads(bridge, cart([], 1));
    bridge.answer('payments.status', () => ok(paymentsStatus({ attention: 1 })));
    bridge.answer('users.list', () => ok([{ ...MARIA, mustChangeSecret: false, lockedUntil: null }]));
    bridge.answer('audit.recent', () => ok([]));
    bridge.answer('payments.waitingElsewhere', () => ok([]));
    answerWorklist([DECLINED]);
  });

  it('is the status bar\u2019s count: from the selling screen to the worklist, with the keyboard on it', async () => {
    render(<HomeScreen session={MARIA_SESSION} />);
    await person.click(await screen.findByRole('button', { name: 'Start selling' }));
    await screen.findByText('0 lines');

    await person.click(within(screen.getByRole('banner')).getByRole('button', { name: '1 payment to resolve' }));
    const heading = await screen.findByRole('heading', { name: 'Payments to resolve' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(await screen.findByRole('rowheader', { name: 'T2-000042' })).toBeTruthy();
  });
});
