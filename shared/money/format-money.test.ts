import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money';

// Intl puts no-break spaces in some locales; compare with plain spaces.
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney (display only)', () => {
  it.each([
    [1230, 'EUR', 'de-DE', '12,30 €'],
    [1230, 'EUR', 'en-IE', '€12.30'],
    [-505, 'USD', 'en-US', '-$5.05'],
    [5, 'CHF', 'de-CH', 'CHF 0.05'],
    [1234, 'JPY', 'ja-JP', '￥1,234'],
    [1234, 'KWD', 'en-US', 'KWD 1.234'],
    [0, 'EUR', 'de-DE', '0,00 €'],
  ])('%i %s in %s → %s', (minor, currency, locale, expected) => {
    expect(plain(formatMoney(minor, currency, locale))).toBe(expected);
  });

  it('shows every digit of amounts too large for minor / 100 to be exact', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('refuses a code that is not a currency', () => {
    expect(() => formatMoney(100, 'euro', 'de-DE')).toThrow('not a currency code');
  });
});
