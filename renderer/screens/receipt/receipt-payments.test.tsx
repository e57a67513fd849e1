/**
 * Card payments on receipts and in the sales history: the card and "Approved offline" under the tender, its state
 * until it is charged, the sale's settlement, and a reprint that shows the payment as it is now.
 */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReceiptView, SaleSummary } from '../../../shared/api/commands/selling-commands';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { answerSellingReads, CLARA_SESSION, receiptFor } from '../../test-support/till-fixtures';
import { person } from '../../test-support/ui';
import { SellArea } from '../sell/sell-area';
import { cart, line } from '../sell/test-carts';
import { ReceiptDocument } from './receipt-document';

const bridge = installFakeBridge();
const CART = { ...cart([line('bread', 1000, { name: 'Bread', lineTotal: 1299 })], 3), total: 1299, cashTotal: 1299 };
const VISA = 'Visa \u2022\u2022\u2022\u2022 4242';

/** A card sale taken offline, as the till describes it while the card waits (or once it is charged). */
function offlineReceipt(status: 'queued' | 'captured', number = 'T1-000001'): ReceiptView {
  const { receipt } = receiptFor(CART, [{ method: 'card', amount: 1299 }], 0);
  return { ...receipt, number, payments: [{ method: 'card', amount: 1299, status, card: VISA, offline: true }], settlement: status === 'queued' ? 'waiting' : 'settled' };
}

describe('a receipt', () => {
  it('names the card, says it was approved offline and waits, and that the sale is not settled yet', () => {
    render(<ReceiptDocument receipt={offlineReceipt('queued')} />);
    const paid = screen.getByLabelText('Paid with');
    expect(within(paid).getByLabelText('Card').textContent).toBe('€12.99');
    expect(within(paid).getByText(`${VISA} · Approved offline · Queued for the card processor`)).toBeTruthy();
    expect(screen.getByText('Card payment still to be charged.')).toBeTruthy();
  });

  it('shows a card charged at the counter by its card alone', () => {
    const { receipt } = receiptFor(CART, [{ method: 'card', amount: 1299 }], 0);
    render(<ReceiptDocument receipt={receipt} />);
    expect(within(screen.getByLabelText('Paid with')).getByText(VISA)).toBeTruthy();
    expect(screen.queryByText(/Approved offline|still to be charged/)).toBeNull();
  });
});

describe('the sales history', () => {
  const sale = (number: string, settlement: SaleSummary['settlement']): SaleSummary => ({
    saleId: `S-${number}`,
    number,
    kind: 'sale',
    terminalId: 'T1',
    clerkName: 'Clara',
    createdAt: '2026-03-02T09:05:00.000Z',
    total: 1299,
    currency: 'EUR',
    settlement,
  });

  beforeEach(() => {
    bridge.reset();
    answerSellingReads(bridge, cart([], 1));
    bridge.answer('sales.recent', () => ok([sale('T1-000003', 'waiting'), sale('T1-000002', 'attention'), sale('T1-000001', 'settled')]));
    // The card has been charged since the sale: the reprint says so.
    bridge.answer('sales.receipt', ({ number }) => ok(offlineReceipt('captured', number)));
  });

  it('shows each sale\u2019s settlement, and a reprint shows the payment as it is now', async () => {
    render(<SellArea session={CLARA_SESSION} />);
    await person.click(await screen.findByRole('button', { name: 'Sales history' }));
    const table = await screen.findByRole('table', { name: 'Latest sales and returns' });
    const settlementOf = (number: string) => within(table).getByRole('row', { name: new RegExp(number) }).querySelector('td.settlement')?.textContent;
    await within(table).findByRole('rowheader', { name: 'T1-000003' });
    expect(within(table).getByRole('columnheader', { name: 'Payment' })).toBeTruthy();
    expect(['T1-000003', 'T1-000002', 'T1-000001'].map(settlementOf)).toEqual(['Awaiting card', 'Needs attention', 'Settled']);

    await person.click(within(table).getByRole('button', { name: 'Show receipt T1-000003' }));
    const reprint = await screen.findByRole('dialog', { name: 'Receipt T1-000003' });
    expect(bridge.inputsOf('sales.receipt')).toEqual([{ number: 'T1-000003' }]);
    expect(within(reprint).getByText(`${VISA} · Approved offline · Captured`)).toBeTruthy();
    expect(within(reprint).queryByText('Card payment still to be charged.')).toBeNull();
  });
});
