import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../test-support/till-fixtures';
import { fromForm, parsePercentText, toForm } from './settings-form';

describe('store settings form', () => {
  it('shows the settings as text and reads them back to the same integers', () => {
    const form = toForm({ ...SETTINGS, taxRates: { standard: 1950, reduced: 700, zero: 0 }, cashRoundingIncrement: 5, clerkDiscountLimitBp: 1250 });
    expect(form).toMatchObject({ taxRates: { standard: '19.5', reduced: '7', zero: '0' }, cashRoundingIncrement: '0.05', clerkDiscountLimit: '12.5' });
    expect(fromForm(form)).toMatchObject({ ok: true, changes: { taxRates: { standard: 1950, reduced: 700, zero: 0 }, cashRoundingIncrement: 5, clerkDiscountLimitBp: 1250 } });
  });

  it('reads percentages and money without floats: 0.1 + 0.2 style values come out exact', () => {
    expect(parsePercentText('7,3', 'Rate')).toEqual({ ok: true, value: 730 });
    expect(parsePercentText('0.29 %', 'Rate')).toEqual({ ok: true, value: 29 });
    const form = { ...toForm(SETTINGS), currency: 'chf', cashRoundingIncrement: '0.10' };
    expect(fromForm(form)).toMatchObject({ ok: true, changes: { currency: 'CHF', cashRoundingIncrement: 10 } });
    expect(fromForm({ ...toForm(SETTINGS), currency: 'JPY', cashRoundingIncrement: '5' })).toMatchObject({ ok: true, changes: { cashRoundingIncrement: 5 } });
  });

  it('names the field that is wrong', () => {
    const form = toForm(SETTINGS);
    expect(fromForm({ ...form, currency: 'XYZ' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Currency/) });
    expect(fromForm({ ...form, taxRates: { ...form.taxRates, reduced: '101' } })).toMatchObject({ ok: false, message: expect.stringMatching(/^Reduced tax rate: at most 100/) });
    expect(fromForm({ ...form, taxRates: { ...form.taxRates, standard: '19.555' } })).toMatchObject({ ok: false, message: expect.stringMatching(/^Standard tax rate/) });
    expect(fromForm({ ...form, clerkDiscountLimit: 'ten' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Clerk discount limit/) });
    expect(fromForm({ ...form, cashRoundingIncrement: '0.005' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Cash rounding/) });
  });
});
