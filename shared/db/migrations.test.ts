/** Older documents in today's shape, and today's left alone: what the sync pull relies on (it upgrades every document). */
import { describe, expect, it } from 'vitest';
import { upgradeDoc } from './migrations';

describe('document upgrades', () => {
  it('gives a v0 sale\u2019s tenders their card fields, keys card tenders by their payment id, and leaves a v1 sale alone', () => {
    const v0 = { id: 'T1-S', tenders: [{ method: 'card', amount: 100, tendered: 100, reference: 'R' }, { method: 'cash', amount: 5, tendered: 10, reference: '' }] };
    const v1 = upgradeDoc('sales', v0);
    expect(v1.tenders).toEqual([
      { method: 'card', amount: 100, tendered: 100, reference: 'R', idempotencyKey: 'T1-S-P1', cardBrand: '', cardLast4: '', cardToken: '', forwarding: '', originalReference: '', contact: '' },
      { method: 'cash', amount: 5, tendered: 10, reference: '', idempotencyKey: '', cardBrand: '', cardLast4: '', cardToken: '', forwarding: '', originalReference: '', contact: '' },
    ]);
    expect(upgradeDoc('sales', v1)).toEqual(v1);
  });

  it('gives a v0 payment a life (captured, keyed by its id when a card) and leaves a v1 payment alone', () => {
    const v0 = { id: 'T1-S-P1', saleId: 'T1-S', terminalId: 'T1', method: 'card', amount: 100, currency: 'EUR', status: 'captured', createdAt: '2026-01-01T00:00:00.000Z', reference: 'R' };
    const v1 = upgradeDoc('payments', v0);
    expect(v1).toMatchObject({ kind: 'tender', idempotencyKey: 'T1-S-P1', attempts: 1, offline: false, settledAt: v0.createdAt, updatedAt: v0.createdAt });
    const later = { ...v1, status: 'captured', attempts: 3, idempotencyKey: 'T1-S-P1-ABCD' };
    expect(upgradeDoc('payments', later)).toEqual(later);
  });

  it('gives a v0 shift empty counts and its variance, and never wipes a v1 shift\u2019s counts', () => {
    const v0 = { id: 'SH', status: 'closed', countedCash: 9_950, expectedCash: 10_000 };
    const v1 = upgradeDoc('shifts', v0);
    expect(v1).toMatchObject({ openingCount: [], movements: [], closingCount: [], variance: -50, varianceApprovedBy: '', zNumber: 0 });
    const counted = { ...v1, openingCount: [{ value: 1000, count: 5 }], zNumber: 7 };
    expect(upgradeDoc('shifts', counted)).toEqual(counted);
  });

  it('gives a v0 product no extra barcodes, picture, minimum or quick key, and keeps a v1 product’s', () => {
    const v0 = { id: 'P1', barcode: '4000000000017', name: 'Tea' };
    expect(upgradeDoc('products', v0)).toEqual({ ...v0, extraBarcodes: [], image: '', minStockMilli: 0, quickKey: 0 });
    const v1 = { ...v0, extraBarcodes: ['4000000000024'], image: 'data:image/webp;base64,AAAA', minStockMilli: 5_000, quickKey: 3 };
    expect(upgradeDoc('products', v1)).toEqual(v1);
  });

  it('asks no v0 user for a new secret, and keeps a v1 user’s request', () => {
    expect(upgradeDoc('users', { id: 'U1' })).toEqual({ id: 'U1', mustChangeSecret: false });
    expect(upgradeDoc('users', { id: 'U1', mustChangeSecret: true })).toEqual({ id: 'U1', mustChangeSecret: true });
  });
});
