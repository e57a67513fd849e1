import { describe, expect, it } from 'vitest';
import { settleTenders, type Tender } from './tenders';
import { must, refusal } from './test-fixtures';

const due = (total: number, cashRoundingIncrement = 1, currency = 'EUR') => ({ total, currency, cashRoundingIncrement });
const card = (amount: number): Tender => ({ method: 'card', amount });
const cash = (amount: number): Tender => ({ method: 'cash', amount });

describe('settleTenders', () => {
  it('card for the exact total', () => {
    expect(must(settleTenders(due(2347), [card(2347)]))).toEqual({
      payments: [{ method: 'card', amount: 2347, tendered: 2347 }],
      changeDue: 0,
      cashRoundingDelta: 0,
    });
  });

  it('cash with change', () => {
    expect(must(settleTenders(due(2347), [cash(5000)]))).toEqual({
      payments: [{ method: 'cash', amount: 2347, tendered: 5000 }],
      changeDue: 2653,
      cashRoundingDelta: 0,
    });
  });

  it('split: card first, change from the cash', () => {
    expect(must(settleTenders(due(2347), [card(1000), cash(2000)]))).toEqual({
      payments: [
        { method: 'card', amount: 1000, tendered: 1000 },
        { method: 'cash', amount: 1347, tendered: 2000 },
      ],
      changeDue: 653,
      cashRoundingDelta: 0,
    });
  });

  it('rounds the cash part when cash pays last (0.05 rounding)', () => {
    expect(must(settleTenders(due(2347, 5), [cash(5000)]))).toMatchObject({
      payments: [{ method: 'cash', amount: 2345, tendered: 5000 }],
      changeDue: 2655,
      cashRoundingDelta: -2,
    });
    expect(must(settleTenders(due(2347, 5), [card(1000), cash(2000)]))).toMatchObject({
      payments: [{ amount: 1000 }, { amount: 1345 }],
      changeDue: 655,
      cashRoundingDelta: -2,
    });
    expect(must(settleTenders(due(2348, 5), [cash(2350)]))).toMatchObject({ changeDue: 0, cashRoundingDelta: 2 });
    expect(must(settleTenders(due(2347, 5), [cash(2345)]))).toMatchObject({ changeDue: 0 });
  });

  it('takes cash of exactly what is due, without change', () => {
    expect(must(settleTenders(due(2347), [cash(2347)]))).toEqual({ payments: [{ method: 'cash', amount: 2347, tendered: 2347 }], changeDue: 0, cashRoundingDelta: 0 });
  });

  it('does not round when a card pays last', () => {
    expect(must(settleTenders(due(2347, 5), [cash(2000), card(347)]))).toEqual({
      payments: [
        { method: 'cash', amount: 2000, tendered: 2000 },
        { method: 'card', amount: 347, tendered: 347 },
      ],
      changeDue: 0,
      cashRoundingDelta: 0,
    });
  });

  it('a cash rest that rounds to nothing is all change', () => {
    expect(must(settleTenders(due(2347, 5), [card(2345), cash(500)]))).toEqual({
      payments: [{ method: 'card', amount: 2345, tendered: 2345 }],
      changeDue: 500,
      cashRoundingDelta: -2,
    });
  });

  it('a zero sale needs no tender', () => {
    expect(must(settleTenders(due(0), []))).toEqual({ payments: [], changeDue: 0, cashRoundingDelta: 0 });
  });

  it.each([
    [due(2347), [], '23.47 is still to pay.'],
    [due(2347), [card(2000)], '3.47 is still to pay.'],
    [due(2347), [cash(2000)], 'Cash 20.00 does not cover the 23.47 left to pay.'],
    [due(2347, 5), [cash(2344)], 'Cash 23.44 does not cover the 23.45 left to pay.'],
    [due(2347), [card(3000)], 'The card amount 30.00 is more than the 23.47 left to pay.'],
    [due(2347), [card(2348)], 'The card amount 23.48 is more than the 23.47 left to pay.'],
    [due(2347), [cash(2346)], 'Cash 23.46 does not cover the 23.47 left to pay.'],
    [due(2347), [cash(1000), card(2000)], 'The card amount 20.00 is more than the 13.47 left to pay.'],
    [due(2347), [cash(3000), card(100)], 'The sale is already paid: remove the extra payment.'],
    [due(2347), [card(2347), cash(100)], 'The sale is already paid: remove the extra payment.'],
    [due(0), [cash(100)], 'The sale is already paid: remove the extra payment.'],
    [due(2347), [card(0)], 'Each payment must be an amount above zero.'],
    [due(2347), [cash(-100)], 'Each payment must be an amount above zero.'],
    [due(2347), [card(12.5)], 'Each payment must be an amount above zero.'],
    [due(2347), [card(Number.NaN)], 'Each payment must be an amount above zero.'],
    [due(2347), [{ method: 'voucher', amount: 100 } as never], 'Unknown payment method "voucher".'],
    [due(1234, 1, 'JPY'), [cash(1000)], 'Cash 1000 does not cover the 1234 left to pay.'],
  ])('refuses %j with %j', (totals, tenders, message) => {
    expect(refusal(settleTenders(totals, tenders as Tender[]))).toEqual({ code: 'BAD_INPUT', message });
  });
});
