import { describe, expect, it } from 'vitest';
import { draftFromForm, emptyForm, formOf } from './product-form';

const filled = { ...emptyForm('C1'), sku: ' TEA-1 ', barcode: '4006381333931', extraBarcodes: ['', ' 96385074 '], name: ' Tea ', priceText: '3,49' };

describe('product form', () => {
  it('reads the price as minor units without a float, trims text and drops blank barcodes', () => {
    const result = draftFromForm({ ...filled, minStockText: '0.5', quickKeyText: '7' }, 'EUR');
    expect(result).toMatchObject({ ok: true, draft: { sku: 'TEA-1', name: 'Tea', price: 349, extraBarcodes: ['96385074'], minStockMilli: 500, quickKey: 7 } });
    expect(draftFromForm({ ...filled, priceText: '1.005' }, 'EUR')).toEqual({ ok: false, message: expect.stringMatching(/^Price: At most 2 decimals/) });
    expect(draftFromForm({ ...filled, priceText: '' }, 'EUR').ok).toBe(false);
    expect(draftFromForm({ ...filled, quickKeyText: 'x' }, 'EUR').ok).toBe(false);
    expect(draftFromForm({ ...filled, priceText: '350' }, 'JPY')).toMatchObject({ ok: true, draft: { price: 350 } });
  });

  it('shows a stored product as the text a manager would type', () => {
    const form = formOf({
      id: 'P1', sku: 'S', barcode: '', extraBarcodes: ['96385074'], name: 'N', description: '', categoryId: 'C1', price: 1230, currency: 'EUR',
      taxClass: 'zero', unit: 'kg', image: '', minStockMilli: 2500, quickKey: 0, active: false, updatedAt: '', updatedBy: '',
    });
    expect(form).toMatchObject({ priceText: '12.30', minStockText: '2.5', quickKeyText: '', active: false });
    expect(draftFromForm(form, 'EUR')).toMatchObject({ ok: true, draft: { id: 'P1', price: 1230, minStockMilli: 2500, unit: 'kg' } });
  });
});
