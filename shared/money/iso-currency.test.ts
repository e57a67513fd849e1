import { describe, expect, it } from 'vitest';
import { isIsoCurrency } from './iso-currency';

describe('ISO 4217 codes', () => {
  it('knows real currencies and refuses made-up, lower-case or malformed codes', () => {
    for (const code of ['EUR', 'USD', 'CHF', 'JPY', 'KWD', 'SEK']) expect(isIsoCurrency(code), code).toBe(true);
    for (const code of ['XYZ', 'QQQ', 'eur', 'EURO', '', 'E1R']) expect(isIsoCurrency(code), code).toBe(false);
  });
});
