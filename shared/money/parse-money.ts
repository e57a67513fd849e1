/**
 * Reads an amount a clerk typed ("12.30", "12,30", ".5", "7") into minor units without ever going through a
 * float: the digits are joined as text and read as an integer. Either "." or "," is the decimal mark (keypads and
 * locales differ); thousands separators are refused because "1,234" would be ambiguous.
 */
import { ok, refuse, type Outcome } from './outcome';

const AMOUNT = /^(-?)(\d*)(?:[.,](\d*))?$/;

export interface ParseMoneyOptions {
  /** Refund-style entries may be negative; tenders, prices and discounts may not (the default). */
  allowNegative?: boolean;
}

export function parseMoneyInput(text: string, currencyDigits: number, options: ParseMoneyOptions = {}): Outcome<number> {
  if (!Number.isInteger(currencyDigits) || currencyDigits < 0 || currencyDigits > 4) {
    throw new RangeError(`Currency digits must be 0–4, got ${currencyDigits}`);
  }
  const trimmed = text.trim();
  if (trimmed === '') return refuse('Enter an amount.');
  const example = currencyDigits === 0 ? '12' : `12.${'3'.padEnd(currencyDigits, '0')}`;
  const match = AMOUNT.exec(trimmed);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || whole + fraction === '') return refuse(`Type an amount like ${example}.`);
  if (match[1] === '-' && !options.allowNegative) return refuse('The amount cannot be negative.');
  if (fraction.length > currencyDigits) {
    return refuse(
      currencyDigits === 0
        ? `This currency has no decimals: type an amount like ${example}.`
        : `At most ${currencyDigits} decimals: type an amount like ${example}.`,
    );
  }
  const digits = (whole + fraction.padEnd(currencyDigits, '0')).replace(/^0+(?=\d)/, '');
  const magnitude = BigInt(digits);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return refuse('That amount is too large.');
  const minor = Number(magnitude);
  return ok(match[1] === '-' && minor !== 0 ? -minor : minor);
}
