/**
 * How catalog text is cut into search tokens, and the one-typo rule. Lower case, accents folded ("Crème" is found
 * by "creme"), split at anything that is not a letter or a digit. Most names are plain ASCII: they take a fast path,
 * which matters when 100,000 names are indexed at start.
 */

const ASCII = /^[\x20-\x7e]*$/;
const MARKS = /\p{M}+/gu;
const CONTROLS = /\p{Cc}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

/** Folds case and accents and drops control characters: what both the index and the query go through. */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').replace(CONTROLS, '').toLowerCase();
}

export function tokenize(text: string): string[] {
  const folded = foldText(text);
  const parts = ASCII.test(folded) ? folded.split(ASCII_SEPARATORS) : folded.split(SEPARATORS);
  return parts.filter((token) => token.length > 0);
}

/** Query tokens shorter than this must match exactly as a prefix: one typo in three letters matches nearly anything. */
export const MIN_TYPO_LENGTH = 4;

/**
 * True when some prefix of `token` is at most one edit away from `query` (a wrong, missing or extra letter, or two
 * neighbours swapped), so "chocolte" and "chcoolate" find "chocolates" while the clerk is still typing.
 */
export function matchesPrefixWithOneEdit(query: string, token: string): boolean {
  let i = 0;
  while (i < query.length && i < token.length && query.charCodeAt(i) === token.charCodeAt(i)) i++;
  if (i === query.length) return true;
  return (
    restIsPrefix(query, i + 1, token, i + 1) || // a wrong letter
    restIsPrefix(query, i + 1, token, i) || // an extra letter in the query
    restIsPrefix(query, i, token, i + 1) || // a letter missing from the query
    (query.charCodeAt(i) === token.charCodeAt(i + 1) &&
      query.charCodeAt(i + 1) === token.charCodeAt(i) &&
      restIsPrefix(query, i + 2, token, i + 2)) // two letters swapped
  );
}

/** query[q..] is a prefix of token[t..]. */
function restIsPrefix(query: string, q: number, token: string, t: number): boolean {
  if (query.length - q > token.length - t) return false;
  for (; q < query.length; q++, t++) if (query.charCodeAt(q) !== token.charCodeAt(t)) return false;
  return true;
}
