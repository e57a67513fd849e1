/**
 * Sales and sale lines as CSV (RFC 4180: comma, CRLF, quotes doubled). Money is written from the integer with its
 * currency's digits ("12.30", "-0.05"), quantities with three decimals: no float ever touches them. A text cell
 * that a spreadsheet would run as a formula (starting with = + - @ or a tab, other than a plain negative number) is
 * prefixed with an apostrophe.
 */
import { currencyDigits, minorToDecimal } from '../money/minor-units';
import type { SaleDoc } from '../model';

export const SALES_CSV_HEADER = [
  'receipt', 'created_at', 'terminal', 'clerk', 'kind', 'status', 'refunds_receipt', 'currency', 'subtotal', 'discount', 'tax', 'total',
  'cash_rounding', 'cash', 'card', 'lines',
] as const;

export const LINES_CSV_HEADER = [
  'receipt', 'created_at', 'terminal', 'clerk', 'kind', 'line', 'product_id', 'sku', 'name', 'quantity', 'unit', 'unit_price', 'discount',
  'tax', 'line_total', 'tax_class', 'currency',
] as const;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Thousandths as a decimal: 1500 → "1.500", -250 → "-0.250". */
export function milliToDecimal(milli: number): string {
  return minorToDecimal(milli, 3);
}

export interface CsvNames {
  clerk(id: string): string;
  /** Receipt number of a sale a return refunds. */
  receiptOf(saleId: string): string;
}

export function saleCsvRow(sale: SaleDoc, names: CsvNames): string {
  const digits = currencyDigits(sale.currency);
  const money = (minor: number) => minorToDecimal(minor, digits);
  const by = (method: string) => sale.tenders.filter((t) => t.method === method).reduce((s, t) => s + t.amount, 0);
  return csvRow([
    sale.number,
    sale.createdAt,
    sale.terminalId,
    names.clerk(sale.clerkId),
    sale.kind,
    sale.status,
    sale.refSaleId ? names.receiptOf(sale.refSaleId) : '',
    sale.currency,
    money(sale.subtotal),
    money(sale.discountTotal),
    money(sale.taxTotal),
    money(sale.total),
    money(sale.cashRounding),
    money(by('cash')),
    money(by('card')),
    sale.lines.length,
  ]);
}

export function lineCsvRows(sale: SaleDoc, names: CsvNames): string {
  const digits = currencyDigits(sale.currency);
  const money = (minor: number) => minorToDecimal(minor, digits);
  return sale.lines
    .map((line, i) =>
      csvRow([
        sale.number,
        sale.createdAt,
        sale.terminalId,
        names.clerk(sale.clerkId),
        sale.kind,
        i + 1,
        line.productId,
        line.sku,
        line.name,
        milliToDecimal(line.qtyMilli),
        line.unit,
        money(line.unitPrice),
        money(line.discount),
        money(line.tax),
        money(line.lineTotal),
        line.taxClass,
        sale.currency,
      ]),
    )
    .join('');
}
