import { describe, expect, it } from 'vitest';
import { parseMoneyInput, parseMoneyText } from './parse-money';

const value = (text: string, digits = 2, allowNegative = false): number => {
  const outcome = parseMoneyInput(text, digits, { allowNegative });
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.message}`);
  return outcome.value;
};
const refusal = (text: string, digits = 2, allowNegative = false): string => {
  const outcome = parseMoneyInput(text, digits, { allowNegative });
  if (outcome.ok) throw new Error(`accepted as ${outcome.value}`);
  expect(outcome.error.code).toBe('BAD_INPUT');
  return outcome.error.message;
};

describe('parseMoneyInput', () => {
  it.each([
    ['12.30', 1230],
    ['12,30', 1230],
    ['12.3', 1230],
    ['12', 1200],
    ['12.', 1200],
    ['.5', 50],
    ['0.01', 1],
    ['0', 0],
    ['007.10', 710],
    ['  4.99 \n', 499],
    ['0.1', 10], // would be 10.000000000000002 via 0.1 * 100 in floats
    ['1.15', 115], // 1.15 * 100 = 114.99999999999999 in floats
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('"%s" → %i minor units (2 digits)', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('follows the currency digits', () => {
    expect(value('1234', 0)).toBe(1234);
    expect(value('1.234', 3)).toBe(1234);
    expect(value('1.2', 3)).toBe(1200);
    expect(refusal('12.5', 0)).toBe('This currency has no decimals: type an amount like 12.');
    expect(refusal('1.2345', 3)).toBe('At most 3 decimals: type an amount like 12.300.');
  });

  it.each([
    ['', 'Enter an amount.'],
    ['   ', 'Enter an amount.'],
    ['abc', 'Type an amount like 12.30.'],
    ['12a', 'Type an amount like 12.30.'],
    ['1,234.50', 'Type an amount like 12.30.'],
    ['1.2.3', 'Type an amount like 12.30.'],
    ['.', 'Type an amount like 12.30.'],
    ['-', 'Type an amount like 12.30.'],
    ['+5', 'Type an amount like 12.30.'],
    ['1e3', 'Type an amount like 12.30.'],
    ['NaN', 'Type an amount like 12.30.'],
    ['Infinity', 'Type an amount like 12.30.'],
    ['0x10', 'Type an amount like 12.30.'],
    ['١٢', 'Type an amount like 12.30.'],
    ['12.345', 'At most 2 decimals: type an amount like 12.30.'],
    ['-5', 'The amount cannot be negative.'],
    ['99999999999999999', 'That amount is too large.'],
  ])('refuses "%s": %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('takes negatives only where allowed, and never makes -0', () => {
    expect(value('-5.25', 2, true)).toBe(-525);
    expect(Object.is(value('-0', 2, true), 0)).toBe(true);
  });
});

describe('parseMoneyText (amounts from files)', () => {
  const read = (text: string, digits = 2): number => {
    const outcome = parseMoneyText(text, digits);
    if (!outcome.ok) throw new Error(`refused: ${outcome.error.message}`);
    return outcome.value;
  };
  const refused = (text: string, digits = 2): string => {
    const outcome = parseMoneyText(text, digits);
    if (outcome.ok) throw new Error(`accepted as ${outcome.value}`);
    return outcome.error.message;
  };

  it.each([
    ['12,99', 1299],
    ['12.99', 1299],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1\u202f234.56', 123456],
    ["1'234.56", 123456],
    ['1.234.567', 123456700],
    ['1,234,567.8', 123456780],
    ['12', 1200],
    ['0,5', 50],
    ['1.15', 115],
    [' 4,99 ', 499],
  ])('"%s" → %i', (text, cents) => {
    expect(read(text)).toBe(cents);
  });

  it('refuses a single mark before exactly three digits: it reads two ways', () => {
    expect(refused('1,234')).toBe('"1,234" could be read two ways: write 1234 or 1234.00.');
    expect(refused('1.234')).toMatch(/two ways/);
    // With three currency digits the mark is a decimal mark.
    expect(read('1,234', 3)).toBe(1234);
    // Grouped by a space first, the mark can only be the decimal one.
    expect(refused('1 234,567')).toMatch(/At most 2 decimals/);
  });

  it.each([['1.23.4'], ['12,34,5'], ['1.2345,6'], ['12,3.4,5'], ['1 23,4'], ['1.234 567'], ['abc'], ['12€'], ['1e3'], ['']])(
    'refuses "%s"',
    (text) => {
      expect(refused(text)).toBeTruthy();
    },
  );

  it('keeps the refusals of typed amounts: negatives, too many decimals', () => {
    expect(refused('-1,50')).toBe('The amount cannot be negative.');
    expect(refused('1,505')).toMatch(/two ways/);
    expect(refused('1.234,567')).toBe('At most 2 decimals: type an amount like 12.30.');
    expect(parseMoneyText('-1.234,50', 2, { allowNegative: true })).toEqual({ ok: true, value: -123450 });
  });
});
