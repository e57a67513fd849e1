/**
 * Money in Kassa is an integer count of the currency's minor units (cents, öre, yen). These checks keep floats,
 * NaN and values past 2^53 (where integers stop being exact) out of every calculation.
 */
import { TillError } from '../api/errors';

export function isMinor(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Throws BAD_INPUT unless `value` is a safe integer (and ≥ 0 unless negatives are allowed). */
export function assertMinor(value: unknown, label = 'Amount', options: { allowNegative?: boolean } = {}): asserts value is number {
  if (!isMinor(value)) throw new TillError('BAD_INPUT', `${label} is not a valid amount of money.`);
  if (value < 0 && !options.allowNegative) throw new TillError('BAD_INPUT', `${label} cannot be negative.`);
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * How many minor-unit digits a currency has (EUR 2, JPY 0, KWD 3), as ISO 4217 says through Intl. Throws on a code
 * that is not a currency: that is a settings mistake, caught when settings are saved.
 */
export function currencyDigits(currency: string): number {
  if (!CURRENCY_CODE.test(currency)) throw new TillError('BAD_INPUT', `"${currency}" is not a currency code like EUR.`);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  if (digits === undefined) throw new Error(`Intl gave no fraction digits for ${currency}`);
  return digits;
}

/**
 * The exact decimal text of an amount ("-12.30" for -1230 with 2 digits), built from the integer's digits so no
 * float ever rounds it. Used in clerk messages and as Intl's input for display.
 */
export function minorToDecimal(minor: number, digits: number): string {
  assertMinor(minor, 'Amount', { allowNegative: true });
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
