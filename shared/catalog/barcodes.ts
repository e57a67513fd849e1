/**
 * Check digits for the GTIN family of retail barcodes (EAN-13, EAN-8, UPC-A). They all use one rule: weight the
 * data digits 3, 1, 3, 1, … starting from the rightmost one, and the check digit tops the sum up to a multiple of 10.
 */

export type BarcodeKind = 'ean13' | 'ean8' | 'upca';

const LENGTHS: Record<BarcodeKind, number> = { ean13: 13, ean8: 8, upca: 12 };

const DIGITS = /^[0-9]+$/;

/** Check digit for any GTIN body (all digits but the check digit). Throws on non-digits or an empty body. */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new Error(`A barcode body is digits only, got "${body}"`);
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (body.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

function checkDigitFor(kind: BarcodeKind, body: string): number {
  const expected = LENGTHS[kind] - 1;
  if (body.length !== expected) {
    throw new Error(`${kind.toUpperCase()} needs ${expected} digits before the check digit, got ${body.length}`);
  }
  return gtinCheckDigit(body);
}

export const ean13CheckDigit = (first12: string): number => checkDigitFor('ean13', first12);
export const ean8CheckDigit = (first7: string): number => checkDigitFor('ean8', first7);
export const upcaCheckDigit = (first11: string): number => checkDigitFor('upca', first11);

/** The full code: body plus its check digit. */
export function completeBarcode(kind: BarcodeKind, body: string): string {
  return body + String(checkDigitFor(kind, body));
}

function isValid(kind: BarcodeKind, code: string): boolean {
  if (code.length !== LENGTHS[kind] || !DIGITS.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

export const isValidEan13 = (code: string): boolean => isValid('ean13', code);
export const isValidEan8 = (code: string): boolean => isValid('ean8', code);
export const isValidUpcA = (code: string): boolean => isValid('upca', code);

/** Which kind of code a scanned string is, judged by length and check digit; null when it is none of them. */
export function barcodeKind(code: string): BarcodeKind | null {
  for (const kind of ['ean13', 'upca', 'ean8'] as const) {
    if (isValid(kind, code)) return kind;
  }
  return null;
}

/**
 * EAN-13 codes starting 20–29 are for in-store use (scales print price- or weight-embedded labels with them), so a
 * manufacturer's product never carries one and the till must not treat them as catalog barcodes.
 */
export function isInStoreEan13(code: string): boolean {
  return code.length === 13 && code[0] === '2';
}
