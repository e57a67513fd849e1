import { describe, expect, it } from 'vitest';
import { TillError } from '../api/errors';
import { assertMinor, currencyDigits, isMinor, minorToDecimal } from './minor-units';

describe('minor units', () => {
  it.each([[0], [1], [-1], [Number.MAX_SAFE_INTEGER]])('%d is an amount', (v) => expect(isMinor(v)).toBe(true));
  it.each([[0.5], [Number.NaN], [Infinity], [2 ** 53], ['12'], [null], [12n]])('%s is not', (v) => expect(isMinor(v)).toBe(false));

  it('assertMinor refuses floats and, by default, negatives, with a clerk message', () => {
    expect(() => assertMinor(1.5, 'Price')).toThrow(new TillError('BAD_INPUT', 'Price is not a valid amount of money.'));
    expect(() => assertMinor(-1, 'Price')).toThrow('Price cannot be negative.');
    expect(() => assertMinor(-1, 'Price', { allowNegative: true })).not.toThrow();
  });

  it('knows currency digits from ISO 4217', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(() => currencyDigits('eur')).toThrow(TillError);
  });

  it.each([
    [1230, 2, '12.30'],
    [5, 2, '0.05'],
    [-5, 2, '-0.05'],
    [1234, 0, '1234'],
    [7, 3, '0.007'],
    [Number.MAX_SAFE_INTEGER, 2, '90071992547409.91'],
  ])('minorToDecimal(%i, %i) = %s', (minor, digits, text) => {
    expect(minorToDecimal(minor, digits)).toBe(text);
  });
});
