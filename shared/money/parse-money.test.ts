import { describe, expect, it } from 'vitest';
import { parseMoneyInput } from './parse-money';

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
