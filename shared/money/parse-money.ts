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

/** Spaces (also no-break and narrow no-break) and apostrophes group thousands in some locales ("1 234,56", "1'234.56"). */
const GROUP_ONLY = /[ \u00a0\u202f']/;
const SEPARATED = /^(-?)([\d., \u00a0\u202f']*)$/;

/**
 * Reads an amount written by a spreadsheet or another system ("1.234,56", "1,234.56", "1 234,56", "12,99") into
 * minor units, never through a float. The decimal mark is whichever of "." and "," comes last when both appear; a
 * mark that appears more than once, or a space or apostrophe, groups thousands, and groups must be three digits.
 * A single mark followed by exactly three digits ("1,234") is refused: it could be either reading.
 */
export function parseMoneyText(text: string, currencyDigits: number, options: ParseMoneyOptions = {}): Outcome<number> {
  const trimmed = text.trim();
  const match = SEPARATED.exec(trimmed);
  if (!match || !/[., \u00a0\u202f']/.test(trimmed)) return parseMoneyInput(trimmed, currencyDigits, options);
  const body = match[2]!;
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  const marks = [...body].filter((c) => c === '.' || c === ',');
  let decimalAt = -1;
  if (lastDot !== -1 && lastComma !== -1) decimalAt = Math.max(lastDot, lastComma);
  else if (marks.length === 1) {
    decimalAt = Math.max(lastDot, lastComma);
    const after = body.slice(decimalAt + 1);
    const before = body.slice(0, decimalAt);
    if (/^\d{3}$/.test(after) && /\d/.test(before) && !GROUP_ONLY.test(before) && currencyDigits !== 3) {
      return refuse(`"${trimmed}" could be read two ways: write ${before}${after} or ${before}${after}.${'0'.repeat(Math.max(currencyDigits, 1))}.`);
    }
  }
  const whole = decimalAt === -1 ? body : body.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : body.slice(decimalAt + 1);
  if (/[^\d]/.test(fraction)) return refuse(`"${trimmed}" is not an amount: only the last "." or "," can be the decimal mark.`);
  const digits = ungroup(whole);
  if (digits === null) return refuse(`"${trimmed}" is not an amount: thousands must be grouped in threes, like 1.234.567,89.`);
  return parseMoneyInput(`${match[1]}${digits}${decimalAt === -1 ? '' : `.${fraction}`}`, currencyDigits, options);
}

/** "1.234.567" → "1234567"; null when the groups are not 1–3 digits then threes, or mix two separators. */
function ungroup(whole: string): string | null {
  const separators = new Set([...whole].filter((c) => !/\d/.test(c)));
  if (separators.size === 0) return whole;
  if (separators.size > 1) return null;
  const groups = whole.split([...separators][0]!);
  const [first, ...rest] = groups;
  if (!first || !/^\d{1,3}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}
