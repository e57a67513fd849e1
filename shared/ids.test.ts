import { describe, expect, it } from 'vitest';
import { createIdFactory, idTime } from './ids';

describe('terminal ids', () => {
  it('are prefixed by the terminal and encode their creation time', () => {
    const id = createIdFactory('T7', { now: () => 1_764_000_000_123 })();
    expect(id).toMatch(/^T7-[0-9A-Z]{26}$/);
    expect(idTime(id)).toBe(1_764_000_000_123);
  });

  it('sort by creation time, also within one millisecond and when the clock steps back', () => {
    const times = [1000, 1000, 1000, 2000, 1500, 1500, 3000];
    let i = 0;
    const next = createIdFactory('T1', { now: () => times[i++]! });
    const ids = times.map(() => next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are unique across 100,000 ids from one terminal in a tight loop', () => {
    const next = createIdFactory('T1');
    const ids = new Set<string>();
    for (let n = 0; n < 100_000; n++) ids.add(next());
    expect(ids.size).toBe(100_000);
  });

  it('differ between terminals even with the same clock and randomness', () => {
    const fixed = { now: () => 5, randomBytes: (n: number) => new Uint8Array(n) };
    expect(createIdFactory('T1', fixed)()).not.toBe(createIdFactory('T2', fixed)());
  });

  it('refuse a terminal id that could break the key format', () => {
    expect(() => createIdFactory('T-1')).toThrow(/Terminal id/);
    expect(() => createIdFactory('')).toThrow(/Terminal id/);
  });

  it('refuse lower-case terminal ids: receipt numbers carrying them are looked up in any case', () => {
    expect(() => createIdFactory('Front_1')).toThrow(/capital letters/);
    expect(() => createIdFactory('FRONT_1')).not.toThrow();
  });
});
