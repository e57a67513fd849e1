import { describe, expect, it } from 'vitest';
import { changedLineId, keptSelection, movedSelection, nextSelection } from './cart-selection';
import { cart, line } from './test-carts';

describe('cart selection', () => {
  it('selects the line an edit added or changed', () => {
    expect(changedLineId(null, cart([line('a')]))).toBe('a');
    expect(changedLineId(cart([line('a')]), cart([line('a'), line('b')]))).toBe('b');
    expect(changedLineId(cart([line('a'), line('b')]), cart([line('a', 2000), line('b')]))).toBe('a');
    expect(changedLineId(cart([line('a')]), cart([line('a')]))).toBeNull();
  });

  it('keeps the selection, or moves to the neighbour when its line went away', () => {
    const before = cart([line('a'), line('b'), line('c')]);
    expect(keptSelection('b', before, cart([line('a'), line('b')]))).toBe('b');
    expect(keptSelection('b', before, cart([line('a'), line('c')]))).toBe('c');
    expect(keptSelection('c', before, cart([line('a'), line('b')]))).toBe('b');
    expect(keptSelection('a', before, cart([]))).toBeNull();
    expect(keptSelection(null, before, cart([line('a')]))).toBeNull();
    expect(nextSelection('a', before, cart([line('a'), line('b'), line('c'), line('d')]))).toBe('d');
  });

  it('moves with the arrow keys and stops at the ends', () => {
    const lines = [line('a'), line('b'), line('c')];
    expect(movedSelection(lines, null, 1)).toBe('a');
    expect(movedSelection(lines, null, -1)).toBe('c');
    expect(movedSelection(lines, 'b', 1)).toBe('c');
    expect(movedSelection(lines, 'c', 1)).toBe('c');
    expect(movedSelection(lines, 'a', -1)).toBe('a');
    expect(movedSelection([], 'a', 1)).toBeNull();
  });
});
