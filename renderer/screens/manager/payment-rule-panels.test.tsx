/**
 * The managers' card rules and queues: the offline card rule (a switch and two caps in money, saved with
 * payments.setOfflineCards) and another till's queue taken over only after a confirmation.
 */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WaitingElsewhereView } from '../../../shared/api/commands/payments-commands';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { paymentsStatus } from '../../test-support/till-fixtures';
import { person } from '../../test-support/ui';
import { OfflineCardsPanel } from './offline-cards-panel';
import { OtherQueuesPanel } from './other-queues-panel';

const bridge = installFakeBridge();

/** Replaces a field's text the way a person does: select it all by deleting, then type. */
async function retype(field: HTMLElement, text: string) {
  field.focus();
  await person.type(`${'{Backspace}'.repeat((field as HTMLInputElement).value.length)}${text}`);
}

describe('the offline card rule', () => {
  beforeEach(() => {
    bridge.reset();
    bridge.answer('payments.status', () => ok(paymentsStatus()));
    bridge.answer('payments.setOfflineCards', (input) => ok({ enabled: input.enabled, perPaymentCap: input.perPaymentCap!, terminalCap: input.terminalCap! }));
  });

  it('shows the rule in money, and saves the switch and the caps as minor units', async () => {
    render(<OfflineCardsPanel />);
    const panel = screen.getByRole('region', { name: 'Cards while the processor is offline' });
    const rule = (await within(panel).findByRole('switch', { name: 'Take cards offline when the card processor cannot be reached' })) as HTMLInputElement;
    expect(rule.checked).toBe(false);
    expect((within(panel).getByLabelText('Limit per card') as HTMLInputElement).value).toBe('100.00');
    expect((within(panel).getByLabelText('Limit per till') as HTMLInputElement).value).toBe('1000.00');

    await person.click(rule);
    await retype(within(panel).getByLabelText('Limit per card'), '50');
    await retype(within(panel).getByLabelText('Limit per till'), '200.50');
    await person.click(within(panel).getByRole('button', { name: 'Save offline card rule' }));

    expect(bridge.inputsOf('payments.setOfflineCards')).toEqual([{ enabled: true, perPaymentCap: 5_000, terminalCap: 20_050 }]);
    expect((await within(panel).findByText(/^Saved\./)).textContent).toBe('Saved. Cards are approved offline up to €50.00 each and €200.50 waiting per till.');
  });

  it('refuses caps that make no sense before asking the till', async () => {
    render(<OfflineCardsPanel />);
    const panel = screen.getByRole('region', { name: 'Cards while the processor is offline' });
    await within(panel).findByRole('switch');
    await retype(within(panel).getByLabelText('Limit per card'), '2000');
    await person.click(within(panel).getByRole('button', { name: 'Save offline card rule' }));
    expect(within(panel).getByRole('alert').textContent).toBe('The limit per card cannot be more than the limit per till.');
    await retype(within(panel).getByLabelText('Limit per card'), '0');
    await person.click(within(panel).getByRole('button', { name: 'Save offline card rule' }));
    expect(within(panel).getByRole('alert').textContent).toBe('Limit per card: more than zero, please.');
    expect(bridge.inputsOf('payments.setOfflineCards')).toEqual([]);
  });
});

describe('the queues of other tills', () => {
  const GONE: WaitingElsewhereView = { terminalId: 'T2', count: 2, amount: 2_598, currency: 'EUR', oldest: '2026-03-02T08:00:00.000Z' };

  beforeEach(() => {
    bridge.reset();
    bridge.answer('payments.status', () => ok(paymentsStatus()));
    const queues = { rows: [GONE] };
    bridge.answer('payments.waitingElsewhere', () => ok(queues.rows));
    bridge.answer('payments.takeOver', () => {
      queues.rows = [];
      return ok({ taken: 2, amount: 2_598 });
    });
  });

  it('takes a till\u2019s queue over only once the manager confirms it is gone', async () => {
    render(<OtherQueuesPanel />);
    const panel = screen.getByRole('region', { name: 'Queues of other tills' });
    const row = await within(panel).findByRole('row', { name: /T2/ });
    expect(row.textContent).toContain('2 card payments · €25.98');

    await person.click(within(row).getByRole('button', { name: 'Take over the queue of till T2' }));
    let confirm = screen.getByRole('dialog', { name: 'Take over the queue of till T2?' });
    expect(confirm.textContent).toContain('Only for a till that is gone for good');
    await person.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(bridge.inputsOf('payments.takeOver')).toEqual([]);

    await person.click(within(row).getByRole('button', { name: 'Take over the queue of till T2' }));
    confirm = screen.getByRole('dialog', { name: 'Take over the queue of till T2?' });
    await person.click(within(confirm).getByRole('button', { name: 'Take over' }));
    expect(bridge.inputsOf('payments.takeOver')).toEqual([{ terminalId: 'T2' }]);
    expect((await within(panel).findByRole('status')).textContent).toBe('This till now sends 2 card payments (€25.98) of till T2.');
    expect(await within(panel).findByText('No other till has card payments waiting.')).toBeTruthy();
  });
});
