/**
 * RxDB orders its indexable strings the JavaScript way (UTF-16 code units); SQLite orders TEXT by its UTF-8 bytes
 * (code points). The two disagree once a string mixes a character above U+FFFF (an emoji in a product name) with one
 * in U+E000..U+FFFF (full-width forms, or RxDB's own INDEX_MAX '\uFFFF' that closes every open-ended range): the
 * emoji would sort after INDEX_MAX and silently drop out of query results.
 *
 * Shifting every code unit from U+D800 up by 0x800 turns the string into valid code points (U+E000..U+107FF, no
 * surrogates left) whose UTF-8 byte order is exactly the UTF-16 order of the original. Text below U+D800, i.e.
 * nearly everything a till stores, passes through untouched.
 */
const NEEDS_SHIFT = /[\uD800-\uFFFF]/;
const SURROGATE_START = 0xd800;
const SHIFT = 0x800;

export function toSortableText(indexString: string): string {
  if (!NEEDS_SHIFT.test(indexString)) return indexString;
  let sortable = '';
  for (let i = 0; i < indexString.length; i++) {
    const unit = indexString.charCodeAt(i);
    sortable += unit < SURROGATE_START ? indexString.charAt(i) : String.fromCodePoint(unit + SHIFT);
  }
  return sortable;
}
