/**
 * Merges tables keyed by name (command specs, handler maps) and refuses a name that appears twice: an object
 * spread would let the last one win silently, and a command would quietly run another domain's handler.
 */
type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

export function mergeDistinct<T extends readonly object[]>(...tables: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [name, entry] of Object.entries(table)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) throw new Error(`"${name}" is declared twice: each name belongs to one table`);
      merged[name] = entry;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
