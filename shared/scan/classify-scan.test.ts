import { describe, expect, it } from 'vitest';
import { classifyScan, SCAN_REASONS } from './classify-scan';
import type { ScanSettings } from './embedded-format';

const store: ScanSettings = {
  embeddedFormats: [
    { prefixes: ['21', '22'], kind: 'weight', itemDigits: 5, valueDigits: 5 },
    { prefixes: ['23'], kind: 'price', itemDigits: 5, valueDigits: 5 },
    { prefixes: ['24'], kind: 'price', itemDigits: 4, valueDigits: 6 },
  ],
};

// Check digits worked by hand, e.g. 211234501250: reversed digits 0,5,2,1,0,5,4,3,2,1,1,2 weighted 3,1,3,1,…
// sum to 44, so the check digit is 6.
describe('classifyScan', () => {
  it.each([
    ['4006381333931', 'ean13'],
    ['5901234123457', 'ean13'],
    ['96385074', 'ean8'],
    ['036000291452', 'upca'],
    ['2012345678903', 'ean13'], // prefix 20 is in-store but has no layout: a store-made article code
    ['2900000000018', 'ean13'],
  ])('%s is a %s product barcode', (code, format) => {
    expect(classifyScan(code, store)).toEqual({ kind: 'product', barcode: code, format });
  });

  it.each([
    ['2112345012506', { valueKind: 'weight', prefix: '21', itemCode: '12345', qtyMilli: 1250 }], // 1.250 kg
    ['2212345000050', { valueKind: 'weight', prefix: '22', itemCode: '12345', qtyMilli: 5 }], // 5 g
    ['2300042001996', { valueKind: 'price', prefix: '23', itemCode: '00042', price: 199 }], // 1.99
    ['2400420123453', { valueKind: 'price', prefix: '24', itemCode: '0042', price: 12_345 }], // 123.45
  ])('%s is an in-store label', (code, expected) => {
    expect(classifyScan(code, store)).toEqual({ kind: 'embedded', ...expected });
  });

  it.each([
    ['4006381333932', SCAN_REASONS.checkDigit],
    ['2112345012507', SCAN_REASONS.checkDigit],
    ['96385075', SCAN_REASONS.checkDigit],
    ['036000291453', SCAN_REASONS.checkDigit],
    ['', SCAN_REASONS.notABarcode],
    ['hello', SCAN_REASONS.notABarcode],
    ['12345', SCAN_REASONS.notABarcode],
    ['400638133393', SCAN_REASONS.checkDigit], // 12 digits: read as UPC-A, whose check digit fails
    ['40063813339311', SCAN_REASONS.notABarcode],
    ['4006381-33931', SCAN_REASONS.notABarcode],
    ['４００６３８１３３３９３１', SCAN_REASONS.notABarcode], // full-width digits from a misconfigured keyboard
    ['2112345000008', SCAN_REASONS.zeroWeight],
    ['2300042000005', SCAN_REASONS.zeroPrice],
  ])('%j is refused: %s', (code, reason) => {
    expect(classifyScan(code, store)).toEqual({ kind: 'invalid', code: code.trim(), reason });
  });

  it('ignores the Enter a scanner sends after the code', () => {
    expect(classifyScan('4006381333931\r\n', store)).toEqual({ kind: 'product', barcode: '4006381333931', format: 'ean13' });
    expect(classifyScan(' 2112345012506\n', store)).toMatchObject({ kind: 'embedded', qtyMilli: 1250 });
  });

  it('with no layouts every valid in-store code is a product barcode', () => {
    expect(classifyScan('2112345012506', { embeddedFormats: [] })).toEqual({ kind: 'product', barcode: '2112345012506', format: 'ean13' });
  });

  it.each([
    [{ prefixes: ['21'], kind: 'weight', itemDigits: 5, valueDigits: 4 }, 'must be 12'],
    [{ prefixes: ['31'], kind: 'weight', itemDigits: 5, valueDigits: 5 }, 'In-store prefixes are 20–29'],
    [{ prefixes: ['2'], kind: 'weight', itemDigits: 5, valueDigits: 5 }, 'In-store prefixes are 20–29'],
    [{ prefixes: ['21'], kind: 'volume', itemDigits: 5, valueDigits: 5 }, 'Unknown label kind'],
    [{ prefixes: ['21'], kind: 'price', itemDigits: 0, valueDigits: 10 }, 'whole numbers ≥ 1'],
  ])('refuses a misconfigured layout %j', (format, message) => {
    expect(() => classifyScan('4006381333931', { embeddedFormats: [format as never] })).toThrow(message);
  });

  it('refuses a prefix in two layouts', () => {
    const twice: ScanSettings = { embeddedFormats: [store.embeddedFormats[0]!, { prefixes: ['22'], kind: 'price', itemDigits: 5, valueDigits: 5 }] };
    expect(() => classifyScan('4006381333931', twice)).toThrow('Prefix 22 is in two label layouts');
  });
});
