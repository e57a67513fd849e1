import { describe, expect, it } from 'vitest';
import { receiptPrinterOf } from './receipt-print';

describe('KASSA_RECEIPT_PRINTER', () => {
  it('is a printer name, or nothing (the print dialog asks)', () => {
    expect(receiptPrinterOf(undefined)).toBeNull();
    expect(receiptPrinterOf('  ')).toBeNull();
    expect(receiptPrinterOf(' EPSON_TM_T20III ')).toBe('EPSON_TM_T20III');
    expect(() => receiptPrinterOf('a\nb')).toThrow(/KASSA_RECEIPT_PRINTER must be a printer name/);
    expect(() => receiptPrinterOf('x'.repeat(257))).toThrow(/KASSA_RECEIPT_PRINTER/);
  });
});
