/**
 * What a clerk does to a cart. Every operation is pure: the old cart is untouched and the result is a new cart or
 * a refusal the clerk can read (BAD_INPUT), or NOT_FOUND when the line is gone (another screen removed it).
 */
import { TillError } from '../api/errors';
import { attempt, type Outcome } from '../money/outcome';
import { MAX_CART_LINES, type Cart, type CartLine, type Discount, type NewCartLine } from './cart';
import { assertNewLine } from './cart-check';
import { assertDiscountFits, discountAmount, isZeroDiscount } from './discount';
import { lineGross } from './line-gross';
import { assertQuantity } from './quantity';

function findLine(cart: Cart, lineId: string): CartLine {
  const line = cart.lines.find((l) => l.lineId === lineId);
  if (!line) throw new TillError('NOT_FOUND', 'That line is no longer in the cart.');
  return line;
}

function replaceLine(cart: Cart, updated: CartLine): Cart {
  return { ...cart, lines: cart.lines.map((l) => (l.lineId === updated.lineId ? updated : l)) };
}

function withDiscount<T extends { discount?: Discount }>(target: T, discount: Discount | null): T {
  const { discount: _old, ...rest } = target;
  return discount === null || isZeroDiscount(discount) ? (rest as T) : { ...rest, discount } as T;
}

/**
 * Scanning a piece item that is already in the cart at the same price adds to that line (what a receipt shows as
 * "3 × Milk"); its discount stays as given. Weighed items always get their own line: each weighing is its own
 * label. A different price (e.g. an embedded-price label) also gets its own line.
 */
export function addLine(cart: Cart, item: NewCartLine): Outcome<Cart> {
  return attempt(() => {
    assertNewLine(item);
    const same = cart.lines.find(
      (l) => item.unit === 'piece' && l.unit === 'piece' && l.productId === item.productId && l.unitPrice === item.unitPrice && l.taxClass === item.taxClass,
    );
    if (same) {
      const qtyMilli = same.qtyMilli + item.qtyMilli;
      assertQuantity(same.unit, qtyMilli);
      lineGross(same.unitPrice, qtyMilli);
      return replaceLine(cart, { ...same, qtyMilli });
    }
    if (cart.lines.some((l) => l.lineId === item.lineId)) throw new TillError('BAD_INPUT', 'That cart line id is already used.');
    if (cart.lines.length >= MAX_CART_LINES) throw new TillError('BAD_INPUT', `A sale can have at most ${MAX_CART_LINES} lines: start a second sale.`);
    return { ...cart, lines: [...cart.lines, { ...item }] };
  });
}

export function setQuantity(cart: Cart, lineId: string, qtyMilli: number): Outcome<Cart> {
  return attempt(() => {
    const line = findLine(cart, lineId);
    assertQuantity(line.unit, qtyMilli);
    lineGross(line.unitPrice, qtyMilli);
    return replaceLine(cart, { ...line, qtyMilli });
  });
}

export function removeLine(cart: Cart, lineId: string): Outcome<Cart> {
  return attempt(() => {
    findLine(cart, lineId);
    return { ...cart, lines: cart.lines.filter((l) => l.lineId !== lineId) };
  });
}

/** `null` (or a zero discount) takes the line's discount off. An amount may not exceed the line's gross. */
export function setLineDiscount(cart: Cart, lineId: string, discount: Discount | null): Outcome<Cart> {
  return attempt(() => {
    const line = findLine(cart, lineId);
    if (discount !== null) assertDiscountFits(discount, lineGross(line.unitPrice, line.qtyMilli), 'line');
    return replaceLine(cart, withDiscount(line, discount));
  });
}

/**
 * `null` (or zero) takes the sale discount off. The sale discount applies after line discounts, so an amount may
 * not exceed what the lines come to once their own discounts are off.
 */
export function setCartDiscount(cart: Cart, discount: Discount | null): Outcome<Cart> {
  return attempt(() => {
    if (discount !== null) {
      if (discount.kind === 'amount' && cart.lines.length === 0) throw new TillError('BAD_INPUT', 'The cart is empty: add items first.');
      const base = cart.lines.reduce((sum, l) => {
        const gross = lineGross(l.unitPrice, l.qtyMilli);
        return sum + gross - discountAmount(l.discount, gross);
      }, 0);
      assertDiscountFits(discount, base, 'sale');
    }
    return withDiscount(cart, discount);
  });
}
