import { describe, expect, it } from 'vitest';
import { cart, line } from '../sell/test-carts';
import { isCustomerDisplayPath } from './display-route';
import { onCart, type DisplayState } from './use-customer-display';

describe('customer display state', () => {
  const thanks: DisplayState = { kind: 'thanks', sale: { number: 'T1-000001', total: 990, changeDue: 10, currency: 'EUR' } };

  it('keeps the thank-you and change up until the next cart has items', () => {
    expect(onCart(thanks, cart([], 5))).toBe(thanks);
    expect(onCart(thanks, null)).toBe(thanks);
    expect(onCart(thanks, cart([line('a')], 6))).toEqual({ kind: 'cart', cart: cart([line('a')], 6) });
  });

  it('shows every cart otherwise, the empty one too', () => {
    expect(onCart({ kind: 'connecting' }, cart([], 1))).toEqual({ kind: 'cart', cart: cart([], 1) });
  });
});

describe('isCustomerDisplayPath', () => {
  it('matches the display path only', () => {
    expect(['/customer-display', '/customer-display/', '/kassa/customer-display'].map(isCustomerDisplayPath)).toEqual([true, true, true]);
    expect(['/', '/customer-display-x', '/customer-display/more'].map(isCustomerDisplayPath)).toEqual([false, false, false]);
  });
});
