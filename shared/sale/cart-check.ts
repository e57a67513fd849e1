/**
 * Validation of cart lines, shared by the operations (which refuse bad input) and by computeTotals (which refuses
 * a cart that did not come through them, e.g. a parked cart read back from disk).
 */
import { TillError } from '../api/errors';
import { isMinor } from '../money/minor-units';
import { TAX_CLASSES } from '../model';
import { MAX_CART_LINES, type Cart, type NewCartLine } from './cart';
import { assertDiscountShape } from './discount';
import { lineGross } from './line-gross';
import { assertQuantity } from './quantity';

const bad = (message: string): never => {
  throw new TillError('BAD_INPUT', message);
};

export function assertNewLine(line: NewCartLine): void {
  if (typeof line.lineId !== 'string' || line.lineId === '') bad('The cart line has no id.');
  if (typeof line.productId !== 'string' || line.productId === '') bad('The item has no product id.');
  if (!(TAX_CLASSES as readonly string[]).includes(line.taxClass)) bad(`"${line.name}" has an unknown tax class.`);
  if (!isMinor(line.unitPrice) || line.unitPrice < 0) bad(`"${line.name}" has no valid price.`);
  assertQuantity(line.unit, line.qtyMilli);
  lineGross(line.unitPrice, line.qtyMilli);
}

export function assertCart(cart: Cart): void {
  if (cart.lines.length > MAX_CART_LINES) bad(`A sale can have at most ${MAX_CART_LINES} lines: start a second sale.`);
  const ids = new Set<string>();
  for (const line of cart.lines) {
    assertNewLine(line);
    if (ids.has(line.lineId)) bad('Two cart lines share one id.');
    ids.add(line.lineId);
    if (line.discount) assertDiscountShape(line.discount);
  }
  if (cart.discount) assertDiscountShape(cart.discount);
}
