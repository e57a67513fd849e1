import { describe, expect, it } from 'vitest';
import { formatQuantity } from '../sell/display-format';
import { formatDifference, parseCount } from './stock-entry';

describe('counted quantities', () => {
  it('takes an empty shelf, whole pieces and weights to the gram, without floats', () => {
    expect(parseCount('0', 'piece')).toEqual({ ok: true, value: 0 });
    expect(parseCount(' 0.000 ', 'kg')).toEqual({ ok: true, value: 0 });
    expect(parseCount('12', 'piece')).toEqual({ ok: true, value: 12_000 });
    expect(parseCount('1,250', 'kg')).toEqual({ ok: true, value: 1250 });
    expect(parseCount('0.1', 'kg')).toEqual({ ok: true, value: 100 });
  });

  it('refuses part pieces, too many decimals and text', () => {
    expect(parseCount('2.5', 'piece')).toMatchObject({ ok: false, message: expect.stringMatching(/whole/) });
    expect(parseCount('0.0001', 'kg')).toMatchObject({ ok: false, message: expect.stringMatching(/gram/) });
    expect(parseCount('lots', 'piece')).toMatchObject({ ok: false });
    expect(parseCount('-3', 'piece')).toMatchObject({ ok: false });
  });

  it('shows differences with their sign', () => {
    expect(formatDifference(-2000, 'piece', formatQuantity)).toBe('−2');
    expect(formatDifference(1250, 'kg', formatQuantity)).toBe('+1.250 kg');
    expect(formatDifference(0, 'kg', formatQuantity)).toBe('0');
  });
});
