/**
 * Reads what a clerk types into quantities (thousandths), percentages (basis points) and money (minor units).
 * Every one of them is a fixed-point decimal, so each goes through shared/money's integer parser: no float ever
 * holds the value. Only the shape is judged here; the till service applies the selling rules.
 */
import type { ProductUnit } from '../../../shared/model';
import { currencyDigits, parseMoneyInput } from '../../../shared/money';

export type Entry<T> = { ok: true; value: T } | { ok: false; message: string };

const refuse = (message: string): Entry<never> => ({ ok: false, message });
const MAX_QTY_MILLI = 1_000_000_000;

/** "3" → 3000 for pieces; "0.250" or "0,25" → 250 for kg. */
export function parseQuantity(text: string, unit: ProductUnit): Entry<number> {
  const example = unit === 'kg' ? 'Type a weight like 0.250' : 'Type a number of pieces like 3';
  const parsed = parseMoneyInput(text, 3);
  if (!parsed.ok) return refuse(text.trim() === '' ? `${example}.` : parsed.error.message.includes('decimals') ? 'Weigh to the gram: at most 3 decimals.' : `${example}.`);
  const qtyMilli = parsed.value;
  if (qtyMilli === 0) return refuse('The quantity must be more than zero. To take the item off, remove the line.');
  if (qtyMilli > MAX_QTY_MILLI) return refuse('The quantity is too large.');
  if (unit === 'piece' && qtyMilli % 1000 !== 0) return refuse('Pieces are counted whole: 1, 2, 3 …');
  return { ok: true, value: qtyMilli };
}

/** "10" → 1000 bp, "12.5" → 1250 bp; 0–100 %. */
export function parsePercent(text: string): Entry<number> {
  const parsed = parseMoneyInput(text, 2);
  if (!parsed.ok) return refuse('Type a percentage like 10 or 12.5.');
  if (parsed.value > 10_000) return refuse('A discount cannot be more than 100 %.');
  return { ok: true, value: parsed.value };
}

/** An amount of money in the currency's minor units ("12.30" → 1230 for EUR). */
export function parseAmount(text: string, currency: string): Entry<number> {
  const parsed = parseMoneyInput(text, currencyDigits(currency));
  return parsed.ok ? { ok: true, value: parsed.value } : refuse(parsed.error.message);
}
