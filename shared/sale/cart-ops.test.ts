import { describe, expect, it } from 'vitest';
import { emptyCart, MAX_CART_LINES, MAX_LINE_AMOUNT, MAX_QTY_MILLI, type NewCartLine } from './cart';
import { addLine, removeLine, setCartDiscount, setLineDiscount, setQuantity } from './cart-ops';
import { cartOf, frozen, line, must, refusal } from './test-fixtures';

const milk: NewCartLine = { lineId: 'a', productId: 'milk', sku: 'M1', name: 'Milk', unit: 'piece', unitPrice: 129, qtyMilli: 1000, taxClass: 'reduced' };
const apples: NewCartLine = { lineId: 'b', productId: 'apples', sku: 'A1', name: 'Apples', unit: 'kg', unitPrice: 299, qtyMilli: 1250, taxClass: 'reduced' };

describe('addLine', () => {
  it('adds to the line of the same piece product and leaves the old cart alone', () => {
    const one = must(addLine(frozen(emptyCart()), milk));
    const two = must(addLine(frozen(one), { ...milk, lineId: 'c' }));
    expect(two.lines).toEqual([{ ...milk, qtyMilli: 2000 }]);
    expect(one.lines).toEqual([milk]);
  });

  it('gives each weighing and each different price its own line', () => {
    let cart = must(addLine(emptyCart(), apples));
    cart = must(addLine(cart, { ...apples, lineId: 'b2', qtyMilli: 500 }));
    cart = must(addLine(cart, milk));
    cart = must(addLine(cart, { ...milk, lineId: 'a2', unitPrice: 99 }));
    expect(cart.lines.map((l) => [l.lineId, l.qtyMilli])).toEqual([
      ['b', 1250],
      ['b2', 500],
      ['a', 1000],
      ['a2', 1000],
    ]);
  });

  it.each([
    [{ qtyMilli: 0 }, 'The quantity must be more than zero. To take the item off, remove the line.'],
    [{ qtyMilli: -1000 }, 'The quantity must be more than zero. To take the item off, remove the line.'],
    [{ qtyMilli: Number.NaN }, 'The quantity is not a number.'],
    [{ qtyMilli: Infinity }, 'The quantity is not a number.'],
    [{ qtyMilli: 1e12 }, 'The quantity is too large: at most 1,000,000.'],
    [{ qtyMilli: 1500 }, 'Pieces are counted whole: 1, 2, 3 …'],
    [{ unitPrice: -1 }, '"Milk" has no valid price.'],
    [{ unitPrice: 1.5 }, '"Milk" has no valid price.'],
    [{ unitPrice: 10_000_000, qtyMilli: MAX_QTY_MILLI }, 'The line amount is too large: check price and quantity.'],
    [{ taxClass: 'luxury' }, '"Milk" has an unknown tax class.'],
    [{ lineId: '' }, 'The cart line has no id.'],
  ])('refuses %j', (change, message) => {
    const r = refusal(addLine(emptyCart(), { ...milk, ...change } as NewCartLine));
    expect(r).toEqual({ code: 'BAD_INPUT', message });
  });

  it('refuses a merge that would pass the maximum, and a reused line id', () => {
    const cart = must(addLine(emptyCart(), { ...milk, qtyMilli: MAX_QTY_MILLI }));
    expect(refusal(addLine(cart, { ...milk, lineId: 'x' })).message).toBe('The quantity is too large: at most 1,000,000.');
    expect(refusal(addLine(cart, { ...apples, lineId: 'a' })).message).toBe('That cart line id is already used.');
  });

  it('takes a line of exactly the largest amount and the largest number of lines, not one more', () => {
    expect(must(addLine(emptyCart(), { ...milk, unitPrice: MAX_LINE_AMOUNT })).lines[0]?.unitPrice).toBe(MAX_LINE_AMOUNT);
    expect(refusal(addLine(emptyCart(), { ...milk, unitPrice: MAX_LINE_AMOUNT + 1 })).message).toBe('The line amount is too large: check price and quantity.');
    const almostFull = cartOf(Array.from({ length: MAX_CART_LINES - 1 }, () => line()));
    const full = must(addLine(almostFull, { ...milk, lineId: 'last' }));
    expect(full.lines).toHaveLength(MAX_CART_LINES);
    expect(refusal(addLine(full, { ...apples, lineId: 'one-more' })).message).toBe(`A sale can have at most ${MAX_CART_LINES} lines: start a second sale.`);
  });

  it('refuses a weight finer than a gram', () => {
    expect(refusal(addLine(emptyCart(), { ...apples, qtyMilli: 1.5 })).message).toBe('Weigh to the gram at most (0.001 kg).');
  });
});

describe('setQuantity', () => {
  const cart = frozen(cartOf([line({ lineId: 'p', unit: 'piece' }), line({ lineId: 'k', unit: 'kg' })]));

  it.each([
    ['p', 3000],
    ['p', MAX_QTY_MILLI],
    ['k', 1],
    ['k', 333],
  ])('line %s to %i', (lineId, qty) => {
    const next = must(setQuantity(cart, lineId, qty));
    expect(next.lines.find((l) => l.lineId === lineId)?.qtyMilli).toBe(qty);
  });

  it.each([
    ['p', 0],
    ['p', -1000],
    ['p', Number.NaN],
    ['p', -Infinity],
    ['p', 1e12],
    ['p', 1e15],
    ['p', 2500],
    ['k', 0.5],
    ['k', MAX_QTY_MILLI + 1],
  ])('refuses line %s to %s', (lineId, qty) => {
    expect(refusal(setQuantity(cart, lineId, qty)).code).toBe('BAD_INPUT');
  });

  it('says NOT_FOUND for a line that is gone', () => {
    expect(refusal(setQuantity(cart, 'zzz', 1000))).toEqual({ code: 'NOT_FOUND', message: 'That line is no longer in the cart.' });
    expect(refusal(removeLine(cart, 'zzz')).code).toBe('NOT_FOUND');
  });

  it('removeLine takes just that line', () => {
    expect(must(removeLine(cart, 'p')).lines.map((l) => l.lineId)).toEqual(['k']);
  });
});

describe('discounts', () => {
  const cart = frozen(cartOf([line({ lineId: 'x', unitPrice: 500, qtyMilli: 2000 }), line({ lineId: 'y', unitPrice: 300 })]));

  it('sets, replaces and removes a line discount', () => {
    const pct = must(setLineDiscount(cart, 'x', { kind: 'percent', bp: 1000 }));
    expect(pct.lines[0]?.discount).toEqual({ kind: 'percent', bp: 1000 });
    const amt = must(setLineDiscount(pct, 'x', { kind: 'amount', minor: 1000 })); // the whole line: allowed
    expect(amt.lines[0]?.discount).toEqual({ kind: 'amount', minor: 1000 });
    expect(must(setLineDiscount(amt, 'x', null)).lines[0]).not.toHaveProperty('discount');
    expect(must(setLineDiscount(amt, 'x', { kind: 'percent', bp: 0 })).lines[0]).not.toHaveProperty('discount');
  });

  it.each([
    [{ kind: 'percent', bp: 10_001 }, 'A discount cannot be more than 100 %.'],
    [{ kind: 'percent', bp: 20_000 }, 'A discount cannot be more than 100 %.'],
    [{ kind: 'percent', bp: -100 }, 'A discount cannot be negative.'],
    [{ kind: 'percent', bp: 12.5 }, 'A percentage discount goes in steps of 0.01 %.'],
    [{ kind: 'percent', bp: Number.NaN }, 'A percentage discount goes in steps of 0.01 %.'],
    [{ kind: 'amount', minor: 1001 }, 'The discount is more than the line amount.'],
    [{ kind: 'amount', minor: -1 }, 'A discount cannot be negative.'],
    [{ kind: 'amount', minor: Number.NaN }, 'The discount is not a valid amount.'],
    [{ kind: 'coupon', minor: 1 }, 'Unknown kind of discount.'],
  ])('refuses line discount %j', (discount, message) => {
    expect(refusal(setLineDiscount(cart, 'x', discount as never))).toEqual({ code: 'BAD_INPUT', message });
  });

  it('checks a sale discount against what the lines come to after their own discounts', () => {
    const withLine = must(setLineDiscount(cart, 'x', { kind: 'amount', minor: 200 })); // 10.00 + 3.00 − 2.00 = 11.00
    expect(must(setCartDiscount(withLine, { kind: 'amount', minor: 1100 })).discount).toEqual({ kind: 'amount', minor: 1100 });
    expect(refusal(setCartDiscount(withLine, { kind: 'amount', minor: 1101 })).message).toBe('The discount is more than the sale amount.');
    expect(refusal(setCartDiscount(withLine, { kind: 'percent', bp: 10_050 })).message).toBe('A discount cannot be more than 100 %.');
    expect(refusal(setCartDiscount(emptyCart(), { kind: 'amount', minor: 1 })).message).toBe('The cart is empty: add items first.');
    expect(must(setCartDiscount(must(setCartDiscount(cart, { kind: 'percent', bp: 500 })), null))).not.toHaveProperty('discount');
  });
});
