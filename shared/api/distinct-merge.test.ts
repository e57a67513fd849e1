import { describe, expect, it } from 'vitest';
import { mergeDistinct } from './distinct-merge';

describe('mergeDistinct', () => {
  it('merges tables whose names differ', () => {
    expect(mergeDistinct({ a: 1 }, { b: 'two' }, { c: true })).toEqual({ a: 1, b: 'two', c: true });
  });

  it('refuses a name declared in two tables instead of letting the last one win', () => {
    expect(() => mergeDistinct({ 'cart.get': 1, x: 0 }, { 'cart.get': 2 })).toThrow('"cart.get" is declared twice');
  });
});
