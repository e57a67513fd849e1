/**
 * A line's gross: unit price × quantity, ROUNDED HALF AWAY FROM ZERO to the minor unit (0.333 kg at 1.00/kg →
 * 33.3 → 0.33; 0.001 kg at 5.00/kg → 0.5 → 0.01). Each line is rounded on its own, as the shelf label and the
 * scale print it.
 */
import { TillError } from '../api/errors';
import { mulDiv } from '../money/round-div';
import { MAX_LINE_AMOUNT } from './cart';

export function lineGross(unitPrice: number, qtyMilli: number): number {
  const gross = mulDiv(unitPrice, qtyMilli, 1000);
  if (gross > MAX_LINE_AMOUNT) throw new TillError('BAD_INPUT', 'The line amount is too large: check price and quantity.');
  return gross;
}
