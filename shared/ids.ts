/**
 * Document ids made on the terminal: `<terminalId>-<time><random>` in Crockford base32. Unique without asking a
 * server (80 random bits, monotonic within a millisecond), sortable by creation time within one terminal, and
 * the prefix says which till made the document. Retrying a sync with the same ids can never duplicate a sale.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
/**
 * Capitals, digits and `_`: receipt numbers (`T1-000042`) carry the terminal id and are typed in any case at the
 * returns screen, so an id must not depend on case.
 */
export const TERMINAL_ID_PATTERN = /^[A-Z0-9_]{1,24}$/;

export function assertTerminalId(terminalId: string): void {
  if (!TERMINAL_ID_PATTERN.test(terminalId)) {
    throw new Error(`Terminal id "${terminalId}" must be 1–24 capital letters, digits or underscores (e.g. T2)`);
  }
}

function encodeTime(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new Error(`Bad timestamp ${ms}`);
  let out = '';
  let rest = ms;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** Random part as 16 base32 digits (5 bits each), kept as numbers so it can be incremented. */
function randomDigits(randomBytes: (n: number) => Uint8Array): number[] {
  const bytes = randomBytes(RANDOM_CHARS);
  return Array.from(bytes, (b) => b & 31);
}

function increment(digits: number[]): number[] {
  const next = digits.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i]! += 1;
      return next;
    }
    next[i] = 0;
  }
  throw new Error('Id space for this millisecond is exhausted');
}

export interface IdFactory {
  (): string;
}

export function createIdFactory(
  terminalId: string,
  options: { now?: () => number; randomBytes?: (n: number) => Uint8Array } = {},
): IdFactory {
  assertTerminalId(terminalId);
  const now = options.now ?? Date.now;
  const randomBytes = options.randomBytes ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  let lastTime = -1;
  let lastDigits: number[] = [];
  return () => {
    // A clock stepping backwards must not break ordering or uniqueness: keep using the last time seen.
    const time = Math.max(now(), lastTime);
    lastDigits = time === lastTime ? increment(lastDigits) : randomDigits(randomBytes);
    lastTime = time;
    return `${terminalId}-${encodeTime(time)}${lastDigits.map((d) => ALPHABET[d]).join('')}`;
  };
}

/** The creation time encoded in an id made by `createIdFactory` (ms since epoch), or null if it is not one. */
export function idTime(id: string): number | null {
  const match = /-([0-9A-HJKMNP-TV-Z]{26})$/.exec(id);
  if (!match) return null;
  let ms = 0;
  for (const ch of match[1]!.slice(0, TIME_CHARS)) ms = ms * 32 + ALPHABET.indexOf(ch);
  return ms;
}
