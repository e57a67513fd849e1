/**
 * Tells a keyboard-wedge barcode scanner from a person: a scanner "types" a whole code in a burst, a few
 * milliseconds a key, and ends it with Enter. A person never keeps that pace for long. The test is the burst's
 * MEDIAN pace, so one key event held up by a busy page does not break a scan, while a person's occasional quick
 * pair of keys does not make one. Pure: the caller feeds each key with the event's timestamp and acts on the verdict.
 */

export interface ScanDetectorOptions {
  /** A longer pause between two keys ends the burst. */
  maxGapMs: number;
  /**
   * A scan's keys (and its Enter) typically come at least this fast. Scanners: < 20 ms; people: 100 ms and more.
   * Mistaking a very fast typist for a scanner costs nothing here: the screens treat a typed code + Enter the same.
   */
  maxMedianGapMs: number;
  /** Shorter bursts are not scans (a fast "12" + Enter from a person must not add a product). */
  minLength: number;
  /** What counts as a code here (digits for products, a receipt number on the returns screen). */
  accept?: (code: string) => boolean;
}

export type KeyVerdict =
  /** A whole code arrived: act on it and swallow this Enter. */
  | { kind: 'scan'; code: string }
  /** This key continues a burst at a scanner's pace: it is part of a code, not a shortcut. */
  | { kind: 'burst' }
  /** An ordinary key: handle it as usual. */
  | { kind: 'key' };

export interface ScanDetector {
  key(key: string, at: number): KeyVerdict;
  reset(): void;
}

export const DEFAULT_SCAN_OPTIONS: ScanDetectorOptions = { maxGapMs: 500, maxMedianGapMs: 50, minLength: 4 };

/** Keys a scanner may send around a character without ending the code (Shift for capitals, Code 128 letters). */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

/** Printable ASCII but space: what a scanner sends for EAN/UPC digits and Code 128 receipt numbers. */
export function isCodeCharacter(key: string): boolean {
  if (key.length !== 1) return false;
  const c = key.charCodeAt(0);
  return c > 0x20 && c < 0x7f;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.POSITIVE_INFINITY;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function createScanDetector(options: Partial<ScanDetectorOptions> = {}): ScanDetector {
  const { maxGapMs, maxMedianGapMs, minLength, accept } = { ...DEFAULT_SCAN_OPTIONS, ...options };
  let buffer = '';
  let gaps: number[] = [];
  let lastAt = Number.NEGATIVE_INFINITY;

  const reset = (): void => {
    buffer = '';
    gaps = [];
    lastAt = Number.NEGATIVE_INFINITY;
  };

  return {
    reset,
    key(key, at) {
      if (MODIFIERS.has(key)) return { kind: 'key' };
      const gap = at - lastAt;
      if (isCodeCharacter(key)) {
        lastAt = at;
        if (buffer.length > 0 && gap <= maxGapMs) {
          buffer += key;
          gaps.push(gap);
          return median(gaps) <= maxMedianGapMs ? { kind: 'burst' } : { kind: 'key' };
        }
        // The first key of a burst cannot be told apart from a person's key press.
        buffer = key;
        gaps = [];
        return { kind: 'key' };
      }
      const code = buffer;
      const burstGaps = [...gaps, gap];
      reset();
      const scan =
        key === 'Enter' &&
        gap <= maxGapMs &&
        code.length >= minLength &&
        median(burstGaps) <= maxMedianGapMs &&
        (accept?.(code) ?? true);
      return scan ? { kind: 'scan', code } : { kind: 'key' };
    },
  };
}
