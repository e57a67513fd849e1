/** What a manager types as a counted quantity: like a sale's quantity, but an empty shelf (0) is a count too. */
import type { ProductUnit } from '../../../shared/model';
import { parseQuantity, type Entry } from '../sell/entry-parsing';

export function parseCount(text: string, unit: ProductUnit): Entry<number> {
  if (/^\s*0+(?:[.,]0*)?\s*$/.test(text)) return { ok: true, value: 0 };
  return parseQuantity(text, unit);
}

/** A signed difference in thousandths as the table shows it: "+2", "−0.250 kg", "0". */
export function formatDifference(qtyMilli: number, unit: ProductUnit, format: (q: number, u: ProductUnit) => string): string {
  if (qtyMilli === 0) return '0';
  return `${qtyMilli > 0 ? '+' : '−'}${format(Math.abs(qtyMilli), unit)}`;
}
