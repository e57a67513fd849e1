import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, lineCsvRows, milliToDecimal, saleCsvRow } from './sales-csv';
import { randomSales } from './test-support/random-sales';

describe('sales as CSV', () => {
  it('quotes what needs it, defuses formulas and ends rows with CRLF', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-5+A1')).toBe("'-5+A1");
    expect(csvCell('-0.05')).toBe('-0.05');
    expect(csvCell(-5)).toBe('-5');
    expect(csvRow(['x', 1])).toBe('x,1\r\n');
  });

  it('writes money and quantities from integers, exactly', () => {
    expect(milliToDecimal(1500)).toBe('1.500');
    expect(milliToDecimal(-250)).toBe('-0.250');
    const [sale] = randomSales({ seed: 1, count: 1 });
    const names = { clerk: () => 'Clara', receiptOf: () => 'T1-000001' };
    const cells = saleCsvRow({ ...sale!, total: 1234567, cashRounding: -2 }, names).trimEnd().split(',');
    expect(cells[11]).toBe('12345.67');
    expect(cells[12]).toBe('-0.02');
    expect(lineCsvRows(sale!, names).split('\r\n').filter(Boolean)).toHaveLength(sale!.lines.length);
  });
});
