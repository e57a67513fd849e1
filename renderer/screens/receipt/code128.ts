/**
 * Code 128, code set B: the receipt number as a barcode the returns screen can scan back. Each symbol is six
 * alternating bar/space widths (in modules) summing to 11; the stop symbol has seven and sums to 13. The check
 * symbol is (start value + Σ position × value) mod 103. Pure: turns text into bar widths; drawing is elsewhere.
 */

/** Widths for symbol values 0–106 (bar, space, bar, space, bar, space[, bar]). */
export const CODE128_PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const START_B = 104;
export const STOP = 106;
/** The blank margin a scanner needs on each side, in modules. */
export const QUIET_ZONE = 10;

/** Set B covers printable ASCII: space (value 0) to DEL-1 "~" (value 94). */
export function code128BValue(char: string): number {
  const code = char.charCodeAt(0);
  if (char.length !== 1 || code < 32 || code > 126) throw new RangeError(`Code 128 B cannot encode "${char}"`);
  return code - 32;
}

export function code128Checksum(values: readonly number[]): number {
  return values.reduce((sum, value, position) => sum + value * position, START_B) % 103;
}

/** The symbol values of a whole barcode: start B, the data, the check symbol, stop. */
export function encodeCode128B(text: string): number[] {
  if (text.length === 0) throw new RangeError('Code 128: nothing to encode');
  const data = [...text].map(code128BValue);
  // Positions count from 1 for the first data symbol; the start symbol weighs 1 too, folded into the seed.
  const check = code128Checksum([0, ...data]);
  return [START_B, ...data, check, STOP];
}

/** Alternating bar/space widths in modules, starting with a bar, for the whole symbol (no quiet zones). */
export function code128Widths(text: string): number[] {
  return encodeCode128B(text).flatMap((value) => [...CODE128_PATTERNS[value]!].map(Number));
}

export interface Bar {
  /** Left edge in modules, counted from the start of the left quiet zone. */
  x: number;
  width: number;
}

/** The dark bars to draw, positioned in modules, and the total width including both quiet zones. */
export function code128Bars(text: string): { bars: Bar[]; totalModules: number } {
  const bars: Bar[] = [];
  let x = QUIET_ZONE;
  code128Widths(text).forEach((width, i) => {
    if (i % 2 === 0) bars.push({ x, width });
    x += width;
  });
  return { bars, totalModules: x + QUIET_ZONE };
}
