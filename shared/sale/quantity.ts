/** Quantity rules: pieces are counted whole, weighed goods to the gram (0.001 kg), at most 1,000,000 units. */
import { TillError } from '../api/errors';
import { PRODUCT_UNITS, type ProductUnit } from '../model';
import { MAX_QTY_MILLI } from './cart';

const WHOLE_PIECES = 'Pieces are counted whole: 1, 2, 3 …';

export function assertQuantity(unit: ProductUnit, qtyMilli: number): void {
  const bad = (message: string): never => {
    throw new TillError('BAD_INPUT', message);
  };
  if (!(PRODUCT_UNITS as readonly string[]).includes(unit)) bad(`Unknown unit "${String(unit)}".`);
  if (typeof qtyMilli !== 'number' || !Number.isFinite(qtyMilli)) bad('The quantity is not a number.');
  if (qtyMilli <= 0) bad('The quantity must be more than zero. To take the item off, remove the line.');
  if (qtyMilli > MAX_QTY_MILLI) bad('The quantity is too large: at most 1,000,000.');
  if (!Number.isInteger(qtyMilli)) bad(unit === 'kg' ? 'Weigh to the gram at most (0.001 kg).' : WHOLE_PIECES);
  if (unit === 'piece' && qtyMilli % 1000 !== 0) bad(WHOLE_PIECES);
}
