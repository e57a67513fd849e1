import { describe, expect, it } from 'vitest';
import { code128Bars, code128BValue, code128Checksum, code128Widths, CODE128_PATTERNS, encodeCode128B, QUIET_ZONE, START_B, STOP } from './code128';

const sum = (digits: string) => [...digits].reduce((s, d) => s + Number(d), 0);

describe('the Code 128 pattern table', () => {
  it('has 107 distinct symbols of 11 modules (the stop 13), 3 bars and 3 spaces', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    CODE128_PATTERNS.forEach((p, value) => {
      expect(p, `symbol ${value}`).toMatch(value === STOP ? /^[1-4]{7}$/ : /^[1-4]{6}$/);
      expect(sum(p), `symbol ${value}`).toBe(value === STOP ? 13 : 11);
    });
  });

  it('keeps the parity rule: in every data symbol the bars cover an even number of modules', () => {
    CODE128_PATTERNS.slice(0, STOP).forEach((p, value) => {
      expect((Number(p[0]) + Number(p[2]) + Number(p[4])) % 2, `symbol ${value}`).toBe(0);
    });
  });

  it('matches well-known symbols: value 0, start B and stop', () => {
    expect(CODE128_PATTERNS[0]).toBe('212222');
    expect(CODE128_PATTERNS[START_B]).toBe('211214');
    expect(CODE128_PATTERNS[STOP]).toBe('2331112');
  });
});

describe('encodeCode128B', () => {
  it('maps printable ASCII to values and refuses the rest', () => {
    expect(code128BValue(' ')).toBe(0);
    expect(code128BValue('0')).toBe(16);
    expect(code128BValue('A')).toBe(33);
    expect(code128BValue('~')).toBe(94);
    expect(() => code128BValue('é')).toThrow(/cannot encode/);
    expect(() => encodeCode128B('')).toThrow(/nothing/);
  });

  it('adds the mod-103 check symbol weighted by position', () => {
    // PJJ123C: 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879; 879 mod 103 = 55.
    expect(encodeCode128B('PJJ123C')).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55, 106]);
    // T1-000042: 104 + 52 + 17·2 + 13·3 + 16·(4+5+6+7) + 20·8 + 18·9 = 903; 903 mod 103 = 79.
    expect(encodeCode128B('T1-000042')).toEqual([104, 52, 17, 13, 16, 16, 16, 16, 20, 18, 79, 106]);
    expect(code128Checksum([0])).toBe(START_B % 103);
  });

  it('lays out bars with quiet zones: 11 modules a symbol, 13 for stop', () => {
    const text = 'T1-000042';
    const widths = code128Widths(text);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11 * (text.length + 2) + 13);
    const { bars, totalModules } = code128Bars(text);
    expect(totalModules).toBe(11 * (text.length + 2) + 13 + 2 * QUIET_ZONE);
    expect(bars[0]).toEqual({ x: QUIET_ZONE, width: 2 });
    // The stop pattern ends in a 2-module bar right before the right quiet zone.
    expect(bars.at(-1)).toEqual({ x: totalModules - QUIET_ZONE - 2, width: 2 });
  });
});
