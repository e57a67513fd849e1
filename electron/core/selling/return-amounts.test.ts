/** The return rule: what comes back is the returned share of what was actually paid, and never more in sum. */
import { describe, expect, it } from 'vitest';
import type { SaleDoc, SaleLine } from '../../../shared/model';
import { computeReturn, returnedSoFar } from './return-amounts';
import { refundPlan } from './returns';
import { saleDoc } from './test-support/sale-doc';
import { TEST_CARDS } from '../../../shared/payments/processor-api';
import { cardTender, cashTender } from '../../../shared/sale/sale-tender';

function line(more: Partial<SaleLine>): SaleLine {
  return { productId: 'P', sku: 'S', name: 'Item', unit: 'piece', qtyMilli: 3000, unitPrice: 100, discount: 0, tax: 0, lineTotal: 300, taxClass: 'standard', ...more };
}

function sale(lines: SaleLine[], more: Partial<SaleDoc> = {}): SaleDoc {
  return saleDoc({
    id: 'T1-S',
    clerkId: 'U',
    lines,
    total: lines.reduce((s, l) => s + l.lineTotal, 0),
    taxBreakdown: [
      { taxClass: 'standard', rateBp: 1900, base: 0, tax: 0 },
      { taxClass: 'reduced', rateBp: 700, base: 0, tax: 0 },
    ],
    ...more,
  });
}

describe('computeReturn', () => {
  it('shares a discounted line by quantity, cumulatively, so the parts add up to exactly what was paid', () => {
    // 3 pieces at 1.00 with 0.10 off: 2.90 paid, 0.46 tax inside.
    const original = sale([line({ discount: 10, lineTotal: 290, tax: 46 })]);
    const parts: SaleDoc[] = [];
    for (let i = 0; i < 3; i++) {
      const amounts = computeReturn(original, returnedSoFar(original, parts), [{ lineIndex: 0, qtyMilli: 1000 }]);
      parts.push({ ...original, kind: 'return', refSaleId: original.id, ...amounts });
    }
    expect(parts.map((p) => [p.total, p.lines[0]!.tax, p.discountTotal, p.subtotal])).toEqual([
      [97, 15, 3, 100],
      [96, 16, 4, 100],
      [97, 15, 3, 100],
    ]);
    expect(parts.reduce((s, p) => s + p.total, 0)).toBe(290);
    expect(parts.reduce((s, p) => s + p.taxTotal, 0)).toBe(46);
    expect(returnedSoFar(original, parts)).toEqual([3000]);
  });

  it('refuses more than sold minus returned, a line twice, a line not on the receipt, and half a piece', () => {
    const original = sale([line({}), line({ unit: 'kg', qtyMilli: 1250, lineTotal: 374, taxClass: 'reduced', tax: 24 })]);
    expect(() => computeReturn(original, [2000, 0], [{ lineIndex: 0, qtyMilli: 2000 }])).toThrow('Only 1 of "Item" can still be returned.');
    expect(() => computeReturn(original, [3000, 0], [{ lineIndex: 0, qtyMilli: 1000 }])).toThrow('has been returned already');
    expect(() => computeReturn(original, [0, 0], [{ lineIndex: 1, qtyMilli: 1251 }])).toThrow('Only 1.250 kg');
    expect(() => computeReturn(original, [0, 0], [{ lineIndex: 0, qtyMilli: 1000 }, { lineIndex: 0, qtyMilli: 1000 }])).toThrow('listed twice');
    expect(() => computeReturn(original, [0, 0], [{ lineIndex: 2, qtyMilli: 1000 }])).toThrow('has no line 3');
    expect(() => computeReturn(original, [0, 0], [{ lineIndex: 0, qtyMilli: 500 }])).toThrow('Pieces are counted whole');
    // Exactly what is left comes back; a gram more does not.
    expect(computeReturn(original, [0, 250], [{ lineIndex: 1, qtyMilli: 1000 }]).lines[0]!.qtyMilli).toBe(1000);
    expect(() => computeReturn(original, [0, 250], [{ lineIndex: 1, qtyMilli: 1001 }])).toThrow('Only 1.000 kg');
    expect(computeReturn(original, [1000, 0], [{ lineIndex: 0, qtyMilli: 2000 }]).total).toBe(200);
    const kg = computeReturn(original, [0, 0], [{ lineIndex: 1, qtyMilli: 250 }]);
    expect(kg).toMatchObject({ refLines: [1], total: 75, taxTotal: 5, taxBreakdown: [{ taxClass: 'reduced', rateBp: 700, base: 70, tax: 5 }] });
  });
});

describe('refundPlan', () => {
  const visa = TEST_CARDS.approve;
  const paid = sale([line({})], {
    tenders: [cardTender(200, visa, { idempotencyKey: 'K-1', reference: 'REF-1', forwarding: '' }), cashTender(100, 500)],
  });

  it('pays back to the card first, up to what it paid less earlier card refunds, the rest in rounded cash', () => {
    expect(refundPlan(paid, [], 150, 'original', 5)).toEqual({ parts: [{ method: 'card', amount: 150, originalReference: 'REF-1', card: visa }], cashRounding: 0 });
    const earlier = { ...paid, kind: 'return' as const, tenders: [cardTender(150, visa, { idempotencyKey: 'K-2', reference: 'R', forwarding: '' })] };
    expect(refundPlan(paid, [earlier], 148, 'original', 5)).toEqual({
      parts: [
        { method: 'card', amount: 50, originalReference: 'REF-1', card: visa },
        { method: 'cash', amount: 100 },
      ],
      cashRounding: 2,
    });
    expect(refundPlan(paid, [], 148, 'cash', 5)).toEqual({ parts: [{ method: 'cash', amount: 150 }], cashRounding: 2 });
    expect(refundPlan(paid, [], 2, 'cash', 5)).toEqual({ parts: [], cashRounding: -2 });
  });

  it('pays back to the card exactly what it paid, and a cent more in cash', () => {
    expect(refundPlan(paid, [], 200, 'original', 1)).toEqual({ parts: [{ method: 'card', amount: 200, originalReference: 'REF-1', card: visa }], cashRounding: 0 });
    expect(refundPlan(paid, [], 201, 'original', 1)).toEqual({
      parts: [
        { method: 'card', amount: 200, originalReference: 'REF-1', card: visa },
        { method: 'cash', amount: 1 },
      ],
      cashRounding: 0,
    });
  });

  it('refunds in cash what went to a card the processor has not taken yet (taken offline, not forwarded)', () => {
    const waiting = sale([line({})], { tenders: [cardTender(300, visa, { idempotencyKey: 'K-3', reference: '', forwarding: 'queued' })] });
    expect(refundPlan(waiting, [], 150, 'original', 5)).toEqual({ parts: [{ method: 'cash', amount: 150 }], cashRounding: 0 });
  });
});
