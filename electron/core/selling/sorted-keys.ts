/**
 * Sorted arrays for the catalog index: keys with the slot each belongs to, built with the engine's own string sort
 * and grown by binary search and block copies, never re-sorted.
 */

/** Sorted keys and, at the same position, the slot each belongs to (a key may repeat). */
export interface SortedKeys {
  keys: string[];
  slots: Int32Array<ArrayBufferLike>;
}

/** Sorts before every character a folded key can hold (foldText drops control characters). */
const SEP = '\u0001';

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts (key, slot) pairs by key. The built-in sort on strings is much faster than one with a comparator. */
export function sortPairs(pairs: [string, number][]): SortedKeys {
  const joined = pairs.map(([key, slot]) => `${key}${SEP}${slot}`).sort();
  const keys: string[] = new Array(joined.length);
  const slots = new Int32Array(joined.length);
  joined.forEach((item, i) => {
    const at = item.lastIndexOf(SEP);
    keys[i] = item.slice(0, at);
    slots[i] = Number(item.slice(at + 1));
  });
  return { keys, slots };
}

/** Inserts a few pairs into sorted keys: binary search for each, then block copies. */
export function mergePairs(base: SortedKeys, pairs: [string, number][]): SortedKeys {
  if (pairs.length === 0) return base;
  const added = sortPairs(pairs);
  const size = base.keys.length + added.keys.length;
  const keys: string[] = new Array(size);
  const slots = new Int32Array(size);
  let from = 0;
  let out = 0;
  added.keys.forEach((key, j) => {
    const at = lowerBound(base.keys, key, from);
    for (let i = from; i < at; i++) keys[out + i - from] = base.keys[i]!;
    slots.set(base.slots.subarray(from, at), out);
    out += at - from;
    keys[out] = key;
    slots[out] = added.slots[j]!;
    out++;
    from = at;
  });
  for (let i = from; i < base.keys.length; i++) keys[out + i - from] = base.keys[i]!;
  slots.set(base.slots.subarray(from), out);
  return { keys, slots };
}

/** Inserts slots (already in order) into the name order. */
export function mergeSlots(order: Int32Array<ArrayBufferLike>, added: number[], keyOf: (slot: number) => string): Int32Array<ArrayBufferLike> {
  if (added.length === 0) return order;
  const next = new Int32Array(order.length + added.length);
  let from = 0;
  let out = 0;
  for (const slot of added) {
    const key = keyOf(slot);
    let lo = from;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyOf(order[mid]!) < key) lo = mid + 1;
      else hi = mid;
    }
    next.set(order.subarray(from, lo), out);
    out += lo - from;
    next[out++] = slot;
    from = lo;
  }
  next.set(order.subarray(from), out);
  return next;
}

export function mergeSortedWords(base: string[], added: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < base.length || j < added.length) {
    if (j >= added.length || (i < base.length && base[i]! < added[j]!)) out.push(base[i++]!);
    else out.push(added[j++]!);
  }
  return out;
}

/** [first, end) of the sorted `keys` that start with `prefix`. */
export function prefixBounds(keys: readonly string[], prefix: string): [number, number] {
  const from = lowerBound(keys, prefix);
  // Every key that starts with `prefix` sorts before prefix + U+FFFF.
  return [from, lowerBound(keys, `${prefix}\uffff`, from)];
}

function lowerBound(keys: readonly string[], value: string, from = 0): number {
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
