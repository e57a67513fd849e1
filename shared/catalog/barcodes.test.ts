import { describe, expect, it } from 'vitest';
import {
  barcodeKind,
  completeBarcode,
  ean13CheckDigit,
  ean8CheckDigit,
  isInStoreEan13,
  isValidEan13,
  isValidEan8,
  isValidUpcA,
  upcaCheckDigit,
} from './barcodes';

// Worked by hand with the GTIN rule (weights 3,1,3,… from the rightmost data digit), e.g. for 871234567890:
// 8·1 + 7·3 + 1·1 + 2·3 + 3·1 + 4·3 + 5·1 + 6·3 + 7·1 + 8·3 + 9·1 + 0·3 = 114 → check digit 6.
const GOOD_EAN13 = ['4006381333931', '5901234123457', '8712345678906', '4000000000020'];
const GOOD_EAN8 = ['96385074', '40123455'];
const GOOD_UPCA = ['036000291452', '123456789012'];

/** Every code that differs from `code` in exactly one digit. */
function singleDigitErrors(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== code[i]) out.push(code.slice(0, i) + String(d) + code.slice(i + 1));
    }
  }
  return out;
}

describe('check digits', () => {
  it('match hand-computed codes', () => {
    expect(ean13CheckDigit('871234567890')).toBe(6);
    expect(ean13CheckDigit('400000000002')).toBe(0);
    expect(ean8CheckDigit('4012345')).toBe(5);
    expect(upcaCheckDigit('12345678901')).toBe(2);
    expect(completeBarcode('ean13', '590123412345')).toBe('5901234123457');
  });

  it('accept the known-good codes', () => {
    for (const code of GOOD_EAN13) expect(isValidEan13(code), code).toBe(true);
    for (const code of GOOD_EAN8) expect(isValidEan8(code), code).toBe(true);
    for (const code of GOOD_UPCA) expect(isValidUpcA(code), code).toBe(true);
  });

  it('catch every single wrong digit', () => {
    for (const code of GOOD_EAN13) for (const bad of singleDigitErrors(code)) expect(isValidEan13(bad), bad).toBe(false);
    for (const code of GOOD_EAN8) for (const bad of singleDigitErrors(code)) expect(isValidEan8(bad), bad).toBe(false);
    for (const code of GOOD_UPCA) for (const bad of singleDigitErrors(code)) expect(isValidUpcA(bad), bad).toBe(false);
  });

  it('catch swapped neighbours unless the digits differ by 5 (a known blind spot of the rule)', () => {
    const code = '8712345678906';
    for (let i = 0; i < code.length - 1; i++) {
      const a = code[i]!;
      const b = code[i + 1]!;
      if (a === b) continue;
      const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
      expect(isValidEan13(swapped), swapped).toBe(Math.abs(Number(a) - Number(b)) === 5);
    }
  });

  it('reject wrong lengths and non-digits', () => {
    for (const bad of ['', '400638133393', '40063813339310', '400638133393X', ' 4006381333931', '4006381333931\n']) {
      expect(isValidEan13(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(isValidEan8('9638507')).toBe(false);
    expect(isValidUpcA('03600029145')).toBe(false);
    expect(() => ean13CheckDigit('12345')).toThrow(/12 digits/);
    expect(() => ean8CheckDigit('12a4567')).toThrow(/digits only/);
  });

  it('treat a UPC-A as an EAN-13 with a leading zero', () => {
    for (const code of GOOD_UPCA) expect(isValidEan13('0' + code)).toBe(true);
  });
});

describe('barcode kinds', () => {
  it('are told apart by length and check digit', () => {
    expect(barcodeKind('4006381333931')).toBe('ean13');
    expect(barcodeKind('036000291452')).toBe('upca');
    expect(barcodeKind('96385074')).toBe('ean8');
    expect(barcodeKind('4006381333932')).toBeNull();
    expect(barcodeKind('hello')).toBeNull();
  });

  it('flag the 20–29 in-store range', () => {
    expect(isInStoreEan13(completeBarcode('ean13', '210000012345'))).toBe(true);
    expect(isInStoreEan13(completeBarcode('ean13', '290000012345'))).toBe(true);
    expect(isInStoreEan13('4006381333931')).toBe(false);
    expect(isInStoreEan13('036000291452')).toBe(false);
  });
});
