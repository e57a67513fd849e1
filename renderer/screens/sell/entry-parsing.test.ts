import { describe, expect, it } from 'vitest';
import { formatPercent, formatQuantity, quantityInput } from './display-format';
import { parseAmount, parsePercent, parseQuantity } from './entry-parsing';

describe('parseQuantity', () => {
  it('reads weights to the gram with either decimal mark', () => {
    expect(parseQuantity('0.250', 'kg')).toEqual({ ok: true, value: 250 });
    expect(parseQuantity('0,25', 'kg')).toEqual({ ok: true, value: 250 });
    expect(parseQuantity('1.5', 'kg')).toEqual({ ok: true, value: 1500 });
    expect(parseQuantity(' 2 ', 'kg')).toEqual({ ok: true, value: 2000 });
  });

  it('counts pieces whole', () => {
    expect(parseQuantity('3', 'piece')).toEqual({ ok: true, value: 3000 });
    expect(parseQuantity('2.5', 'piece')).toMatchObject({ ok: false, message: /whole/ });
  });

  it('refuses zero, negatives, more than 3 decimals, junk and huge numbers', () => {
    expect(parseQuantity('0', 'kg')).toMatchObject({ ok: false, message: /more than zero/ });
    expect(parseQuantity('-1', 'piece')).toMatchObject({ ok: false });
    expect(parseQuantity('0.2505', 'kg')).toMatchObject({ ok: false, message: /gram/ });
    expect(parseQuantity('abc', 'kg')).toMatchObject({ ok: false, message: /0\.250/ });
    expect(parseQuantity('', 'piece')).toMatchObject({ ok: false, message: /pieces/ });
    expect(parseQuantity('1e12', 'piece')).toMatchObject({ ok: false });
    expect(parseQuantity('9999999', 'piece')).toMatchObject({ ok: false, message: /too large/ });
  });
});

describe('parsePercent', () => {
  it('reads percentages into basis points', () => {
    expect(parsePercent('10')).toEqual({ ok: true, value: 1000 });
    expect(parsePercent('12.5')).toEqual({ ok: true, value: 1250 });
    expect(parsePercent('100')).toEqual({ ok: true, value: 10_000 });
  });
  it('refuses more than 100 % and more than two decimals', () => {
    expect(parsePercent('100.01')).toMatchObject({ ok: false, message: /100 %/ });
    expect(parsePercent('1.234')).toMatchObject({ ok: false });
    expect(parsePercent('NaN')).toMatchObject({ ok: false });
  });
});

describe('parseAmount', () => {
  it('reads money in the currency’s minor units', () => {
    expect(parseAmount('12.30', 'EUR')).toEqual({ ok: true, value: 1230 });
    expect(parseAmount('500', 'JPY')).toEqual({ ok: true, value: 500 });
    expect(parseAmount('1.5', 'JPY')).toMatchObject({ ok: false });
  });
});

describe('display formats', () => {
  it('writes quantities and percentages without floats', () => {
    expect(formatQuantity(3000, 'piece')).toBe('3');
    expect(formatQuantity(250, 'kg')).toBe('0.250 kg');
    expect(quantityInput(1500, 'kg')).toBe('1.500');
    expect(quantityInput(2000, 'piece')).toBe('2');
    expect(formatPercent(1900)).toBe('19 %');
    expect(formatPercent(1050)).toBe('10.5 %');
    expect(formatPercent(1)).toBe('0.01 %');
    expect(formatPercent(0)).toBe('0 %');
  });
});
