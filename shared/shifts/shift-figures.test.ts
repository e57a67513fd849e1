import { describe, expect, it } from 'vitest';
import type { CashMovement, SaleDoc } from '../model';
import { randomSales } from '../reports/test-support/random-sales';
import { countedTotal, denominationsOf } from './denominations';
import { drawerFigures, inShift, shiftSalesFigures } from './shift-figures';

const move = (kind: CashMovement['kind'], amount: number): CashMovement => ({ id: `S-M${amount}`, kind, amount, reason: 'r', at: 'a', by: 'u' });

describe('the drawer rule', () => {
  it('expects float + cash kept by sales − cash refunded + paid-ins − paid-outs, over random sales and returns', () => {
    const sales = randomSales({ seed: 3, count: 400, terminals: ['T1'] }).filter((s) => s.status === 'completed');
    const movements = [move('paid_in', 2500), move('paid_out', 700), move('no_sale', 0), move('paid_out', 300)];
    const drawer = drawerFigures(8200, sales, movements);
    let cash = 0;
    for (const s of sales) for (const t of s.tenders) if (t.method === 'cash') cash += s.kind === 'return' ? -t.amount : t.amount;
    expect(drawer.expected).toBe(8200 + cash + 2500 - 1000);
    expect(drawer.cashSales - drawer.cashRefunds).toBe(cash);
    expect(drawer.noSales).toBe(1);
  });

  it('sums a shift’s sales net of returns, and takes only its terminal’s completed sales from opening to close', () => {
    const sales = randomSales({ seed: 9, count: 200, terminals: ['T1'] }).filter((s) => s.status === 'completed');
    const f = shiftSalesFigures(sales);
    const sum = (list: SaleDoc[], g: (s: SaleDoc) => number) => list.reduce((a, s) => a + g(s), 0);
    const sold = sales.filter((s) => s.kind === 'sale');
    const back = sales.filter((s) => s.kind === 'return');
    expect(f.net).toBe(sum(sold, (s) => s.total) - sum(back, (s) => s.total));
    expect(f.tax.reduce((a, t) => a + t.tax, 0)).toBe(sum(sold, (s) => s.taxTotal) - sum(back, (s) => s.taxTotal));
    const shift = { terminalId: 'T1', openedAt: '2026-03-02T08:00:00.000Z', closedAt: '2026-03-02T18:00:00.000Z', status: 'closed' as const };
    const sale = sales[0]!;
    expect(inShift(shift, { ...sale, createdAt: '2026-03-02T07:59:59.999Z' })).toBe(false);
    expect(inShift(shift, { ...sale, createdAt: '2026-03-02T08:00:00.000Z' })).toBe(true);
    expect(inShift(shift, { ...sale, createdAt: '2026-03-02T18:00:00.000Z' })).toBe(true);
    expect(inShift(shift, { ...sale, createdAt: '2026-03-02T18:00:00.001Z' })).toBe(false);
    expect(inShift({ ...shift, status: 'open' }, { ...sale, createdAt: '2026-03-09T18:00:00.001Z' })).toBe(true);
    expect(inShift(shift, { ...sale, createdAt: '2026-03-02T09:00:00.000Z', terminalId: 'T2' })).toBe(false);
    expect(inShift(shift, { ...sale, createdAt: '2026-03-02T09:00:00.000Z', status: 'voided' })).toBe(false);
  });
});

describe('counting the drawer', () => {
  it('adds up notes and coins of the store currency and refuses anything else', () => {
    expect(countedTotal('EUR', [{ value: 50, count: 4 }, { value: 2000, count: 2 }, { value: 1, count: 0 }])).toEqual({
      total: 4200,
      counts: [{ value: 2000, count: 2 }, { value: 50, count: 4 }],
    });
    expect(() => countedTotal('EUR', [{ value: 25, count: 1 }])).toThrow(/not a note or coin of EUR/);
    expect(denominationsOf('USD')).toContain(25);
    expect(denominationsOf('JPY')[0]).toBe(10_000);
    // A currency without a table gets a 1-2-5 series in its own minor digits.
    expect(denominationsOf('KWD')).toContain(1000);
    expect(denominationsOf('NOK')).toEqual([50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1]);
  });
});
