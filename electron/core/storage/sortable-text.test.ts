import { describe, expect, it } from 'vitest';
import { toSortableText } from './sortable-text';
import { createPrng } from './test-support/seeded-prng';

/** How SQLite's default BINARY collation orders TEXT in a UTF-8 database: by the UTF-8 bytes. */
function sqliteOrder(a: string, b: string): number {
  return Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

function jsOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Single code units, lone surrogates included, around every boundary that matters; and whole surrogate pairs.
const UNITS = [
  ...['\u0000', '\t', ' ', 'a', 'z', '\u00e9', '\u4e2d', '\ud7ff'],
  ...['\ud800', '\udfff', '\ue000', '\uff21', '\ufffd', '\uffff'],
];
const PAIRS = ['\ud83d\ude00', '\ud800\udc00', '\udbff\udfff'];

describe('toSortableText', () => {
  it('leaves text below U+D800 as it is', () => {
    expect(toSortableText('Apfel 1kg \u00e9\u4e2d')).toBe('Apfel 1kg \u00e9\u4e2d');
  });

  it('shows the problem it solves: UTF-8 byte order puts an emoji after RxDB\'s INDEX_MAX', () => {
    expect(jsOrder('\ud83d\ude00', '\uffff')).toBe(-1);
    expect(sqliteOrder('\ud83d\ude00', '\uffff')).toBe(1);
    expect(sqliteOrder(toSortableText('\ud83d\ude00'), toSortableText('\uffff'))).toBe(-1);
  });

  it('makes SQLite order equal JavaScript order for 20,000 random pairs', () => {
    const prng = createPrng(7);
    const randomText = () => {
      let text = '';
      for (let i = prng.int(0, 5); i > 0; i--) text += prng.chance(0.25) ? prng.pick(PAIRS) : prng.pick(UNITS);
      return text;
    };
    for (let i = 0; i < 20_000; i++) {
      const a = randomText();
      const b = randomText();
      expect(sqliteOrder(toSortableText(a), toSortableText(b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
        jsOrder(a, b),
      );
    }
  });
});
