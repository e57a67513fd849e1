/**
 * How selling screens write quantities, percentages and money. Display only: the integers stay the truth.
 * The till runs in the browser's locale; money formatting is shared/money's.
 */
import type { ProductUnit } from '../../../shared/model';
import { currencyDigits, formatMoney, minorToDecimal } from '../../../shared/money';

export const TILL_LOCALE = typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';

export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency, TILL_LOCALE);
}

/** Pieces whole ("3"), weights to the gram ("0.250 kg"). */
export function formatQuantity(qtyMilli: number, unit: ProductUnit): string {
  if (unit === 'kg') return `${minorToDecimal(qtyMilli, 3)} kg`;
  return qtyMilli % 1000 === 0 ? String(qtyMilli / 1000) : minorToDecimal(qtyMilli, 3);
}

/** What a quantity field starts with: "3" or "0.250". */
export function quantityInput(qtyMilli: number, unit: ProductUnit): string {
  return unit === 'kg' ? minorToDecimal(qtyMilli, 3) : formatQuantity(qtyMilli, unit);
}

/** Basis points as a percentage without trailing zeros: 1900 → "19 %", 1050 → "10.5 %", 1 → "0.01 %". */
export function formatPercent(bp: number): string {
  const text = minorToDecimal(bp, 2).replace(/\.?0+$/, '');
  return `${text} %`;
}

/** The decimal text of an amount for an input field ("12.30"): what the clerk would type. */
export function amountInput(minor: number, currency: string): string {
  return minorToDecimal(minor, currencyDigits(currency));
}

const TIME = new Intl.DateTimeFormat(TILL_LOCALE, { dateStyle: 'short', timeStyle: 'short' });

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}
