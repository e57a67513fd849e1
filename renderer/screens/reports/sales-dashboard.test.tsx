/**
 * The sales dashboard against a scripted till: it shows the till's figures, reads again by itself when the till
 * says sales were counted, says when figures are still being prepared, and opens the sales behind a figure.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DashboardView } from '../../../shared/api/commands/reports-commands';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { person } from '../../test-support/ui';
import { SalesDashboard } from './sales-dashboard';

const bridge = installFakeBridge();

function view(transactions: number, net: number, more: Partial<DashboardView> = {}): DashboardView {
  return {
    preparing: null,
    revision: transactions,
    from: '2026-03-02',
    to: '2026-03-02',
    terminalId: null,
    currency: 'EUR',
    figures: { transactions, returnsCount: 0, gross: net, discounts: 0, returns: 0, net, salesTotal: net, averageBasket: transactions ? Math.round(net / transactions) : 0, itemsPerBasketMilli: 1500, tax: [{ taxClass: 'standard', rateBp: 1900, base: 0, tax: 0 }] },
    seriesBy: 'hour',
    series: Array.from({ length: 24 }, (_, h) => ({ key: String(h).padStart(2, '0'), net: h === 10 ? net : 0, sales: h === 10 ? transactions : 0 })),
    terminals: [{ key: 'T2', label: 'T2', net, sales: transactions, returns: 0 }],
    clerks: [{ key: 'U1', label: 'Clara Clerk', net, sales: transactions, returns: 0 }],
    tenders: [{ method: 'cash', label: 'Cash', taken: net, refunded: 0, net, sales: transactions, returns: 0 }],
    topProducts: [{ key: 'P1', label: 'Bread', sku: 'B1', qtyMilli: 2000, net }],
    topCategories: [{ key: 'C1', label: 'Bakery', sku: '', qtyMilli: 2000, net }],
    freshness: [{ terminalId: 'T2', lastSaleAt: '2026-03-02T10:00:00.000Z', lastSaleNumber: 'T2-000001', lastSyncedAt: '2026-03-02T10:00:01.000Z', statusAt: '' }],
    at: '2026-03-02T10:00:02.000Z',
    ...more,
  };
}

describe('the sales dashboard', () => {
  beforeEach(() => bridge.reset());

  it('shows the figures, and the new ones as soon as the till says sales were counted', async () => {
    let current = view(1, 1250, { preparing: { done: 500, total: 2000 } });
    bridge.answer('reports.dashboard', () => ok(current));
    render(<SalesDashboard />);
    expect(await screen.findByRole('button', { name: 'Transactions: 1. Show the sales' })).toBeTruthy();
    expect(screen.getAllByRole('status').some((s) => /Preparing figures… 25 %/.test(s.textContent ?? ''))).toBe(true);
    expect(screen.getByRole('button', { name: /^Net sales: €12\.50\./ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Items per basket: 1\.5\./ })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Net sales by hour: highest €12.50 at 10:00' })).toBeTruthy();

    current = view(2, 2000);
    await bridge.push('reports.changed', { revision: 2, preparing: null });
    expect(await screen.findByRole('button', { name: 'Transactions: 2. Show the sales' })).toBeTruthy();
    expect(screen.queryByText(/Preparing figures/)).toBeNull();
    expect(bridge.inputsOf('reports.dashboard').every((i) => i.from === i.to)).toBe(true);
  });

  it('asks for another range and terminal, and opens the sales behind a row', async () => {
    bridge.answer('reports.dashboard', () => ok(view(1, 1250)));
    bridge.answer('reports.sales', () =>
      ok({ items: [{ saleId: 'S1', number: 'T2-000001', kind: 'sale', terminalId: 'T2', clerkName: 'Clara Clerk', createdAt: '2026-03-02T10:00:00.000Z', total: 1250, currency: 'EUR', settlement: 'settled' }], next: null }),
    );
    render(<SalesDashboard />);
    await person.click(await screen.findByRole('button', { name: 'This month' }));
    await waitFor(() => expect(bridge.inputsOf('reports.dashboard').at(-1)?.from).toMatch(/-01$/));

    const byClerk = screen.getByRole('region', { name: 'By clerk' });
    await person.click(within(byClerk).getByRole('button', { name: 'Show the sales: Clara Clerk' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sales by Clara Clerk' });
    expect(within(dialog).getByRole('rowheader', { name: 'T2-000001' })).toBeTruthy();
    expect(bridge.inputsOf('reports.sales').at(-1)?.filter).toMatchObject({ clerkId: 'U1' });
  });
});
