/**
 * Money for people to read: receipts, the customer display, the cart. DISPLAY ONLY: never parse the result back
 * or compute with it. Intl gets the exact decimal text of the integer ("12.30"), not minor / 100, so even amounts
 * near 2^53 show every digit right.
 */
import { currencyDigits, minorToDecimal } from './minor-units';

export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return formatter.format(minorToDecimal(minor, digits) as Intl.StringNumericLiteral);
}
