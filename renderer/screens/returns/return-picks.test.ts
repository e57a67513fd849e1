import { describe, expect, it } from 'vitest';
import type { ReturnableLine, ReturnableSale } from '../../../shared/api/commands/selling-commands';
import { initialPicks, returnRequest } from './return-picks';

const line = (lineIndex: number, more: Partial<ReturnableLine> = {}): ReturnableLine => ({
  lineIndex,
  name: `Item ${lineIndex}`,
  sku: `S${lineIndex}`,
  unit: 'piece',
  soldQtyMilli: 3000,
  returnedQtyMilli: 1000,
  returnableQtyMilli: 2000,
  lineTotal: 600,
  ...more,
});

const sale: ReturnableSale = {
  saleId: 'S1',
  number: 'T1-000007',
  createdAt: '2026-01-01T10:00:00Z',
  currency: 'EUR',
  total: 1200,
  lines: [line(0), line(1, { unit: 'kg', soldQtyMilli: 750, returnedQtyMilli: 0, returnableQtyMilli: 750 })],
  methods: ['card'],
};

describe('return picks', () => {
  it('start unchosen at the most that may come back', () => {
    expect(initialPicks(sale)).toEqual([
      { lineIndex: 0, chosen: false, text: '2' },
      { lineIndex: 1, chosen: false, text: '0.750' },
    ]);
  });

  it('build the request from the chosen lines', () => {
    const picks = initialPicks(sale).map((p) => ({ ...p, chosen: true }));
    picks[1]!.text = '0.250';
    expect(returnRequest(sale, picks)).toEqual({ ok: true, value: [{ lineIndex: 0, qtyMilli: 2000 }, { lineIndex: 1, qtyMilli: 250 }] });
  });

  it('refuse more than may come back, nothing chosen, and bad quantities', () => {
    const picks = initialPicks(sale);
    expect(returnRequest(sale, picks)).toMatchObject({ ok: false, message: /at least one/ });
    picks[0] = { ...picks[0]!, chosen: true, text: '3' };
    expect(returnRequest(sale, picks)).toMatchObject({ ok: false, message: /Item 0: at most 2 can come back \(sold 3, already returned 1\)/ });
    picks[0] = { ...picks[0]!, text: '1.5' };
    expect(returnRequest(sale, picks)).toMatchObject({ ok: false, message: /whole/ });
    picks[0] = { ...picks[0]!, text: '0' };
    expect(returnRequest(sale, picks)).toMatchObject({ ok: false, message: /more than zero/ });
  });
});
