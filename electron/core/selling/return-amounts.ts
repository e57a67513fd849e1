/**
 * What a return gives back. RULE: each returned line gets the part of the original line's ACTUAL amounts (after
 * its own and its share of the sale discount, with its tax) that its quantity is of the quantity sold, counted
 * CUMULATIVELY: the k-th return of a line gets round(A × (r + q) / Q) − round(A × r / Q), where A is the original
 * amount, Q the quantity sold, r the quantity returned before and q now (rounding half away from zero). So returns
 * of a line always add up to exactly what was paid for it, however it is split, and the customer is never paid
 * back a cent more than they paid. Line total, tax and discount are each shared this way.
 */
import { TillError } from '../../../shared/api/errors';
import type { ReturnableLine } from '../../../shared/api/commands/selling-commands';
import { mulDiv } from '../../../shared/money';
import type { SaleDoc, SaleLine, SaleTaxRow } from '../../../shared/model';
import { TAX_CLASSES } from '../../../shared/model';
import { assertQuantity } from '../../../shared/sale/quantity';

export interface ReturnRequestLine {
  lineIndex: number;
  qtyMilli: number;
}

export type ReturnAmounts = Pick<SaleDoc, 'lines' | 'refLines' | 'subtotal' | 'discountTotal' | 'taxTotal' | 'total' | 'taxBreakdown'>;

/** Quantity already returned of each line of `sale`, from the returns that reference it. */
export function returnedSoFar(sale: SaleDoc, returns: readonly SaleDoc[]): number[] {
  const returned = sale.lines.map(() => 0);
  for (const ret of returns) {
    ret.refLines.forEach((lineIndex, i) => {
      if (lineIndex < returned.length) returned[lineIndex]! += ret.lines[i]?.qtyMilli ?? 0;
    });
  }
  return returned;
}

export function returnableLines(sale: SaleDoc, returned: readonly number[]): ReturnableLine[] {
  return sale.lines.map((line, lineIndex) => ({
    lineIndex,
    name: line.name,
    sku: line.sku,
    unit: line.unit,
    soldQtyMilli: line.qtyMilli,
    returnedQtyMilli: returned[lineIndex] ?? 0,
    returnableQtyMilli: line.qtyMilli - (returned[lineIndex] ?? 0),
    lineTotal: line.lineTotal,
  }));
}

/** Throws BAD_INPUT when a line is not on the receipt, listed twice, or more than is left to return. */
export function computeReturn(sale: SaleDoc, returned: readonly number[], request: readonly ReturnRequestLine[]): ReturnAmounts {
  const seen = new Set<number>();
  const lines: SaleLine[] = [];
  const refLines: number[] = [];
  const grosses: number[] = [];
  for (const { lineIndex, qtyMilli } of request) {
    const original = sale.lines[lineIndex];
    if (!original) throw new TillError('BAD_INPUT', `Receipt ${sale.number} has no line ${lineIndex + 1}.`);
    if (seen.has(lineIndex)) throw new TillError('BAD_INPUT', `"${original.name}" is listed twice: give its quantity once.`);
    seen.add(lineIndex);
    assertQuantity(original.unit, qtyMilli);
    const before = returned[lineIndex] ?? 0;
    const left = original.qtyMilli - before;
    if (qtyMilli > left) {
      throw new TillError('BAD_INPUT', left === 0 ? `"${original.name}" has been returned already.` : `Only ${describeQty(left, original.unit)} of "${original.name}" can still be returned.`);
    }
    const share = (amount: number) => mulDiv(amount, before + qtyMilli, original.qtyMilli) - mulDiv(amount, before, original.qtyMilli);
    const lineTotal = share(original.lineTotal);
    const tax = share(original.tax);
    const discount = share(original.discount);
    lines.push({ ...original, qtyMilli, discount, tax, lineTotal });
    refLines.push(lineIndex);
    grosses.push(lineTotal - (sale.pricesIncludeTax ? 0 : tax) + discount);
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    lines,
    refLines,
    subtotal: sum(grosses),
    discountTotal: sum(lines.map((l) => l.discount)),
    taxTotal: sum(lines.map((l) => l.tax)),
    total: sum(lines.map((l) => l.lineTotal)),
    taxBreakdown: taxRows(sale, lines),
  };
}

function taxRows(sale: SaleDoc, lines: SaleLine[]): SaleTaxRow[] {
  const rows: SaleTaxRow[] = [];
  for (const taxClass of TAX_CLASSES) {
    const ofClass = lines.filter((l) => l.taxClass === taxClass);
    if (ofClass.length === 0) continue;
    const rateBp = sale.taxBreakdown.find((r) => r.taxClass === taxClass)?.rateBp ?? 0;
    const tax = ofClass.reduce((s, l) => s + l.tax, 0);
    rows.push({ taxClass, rateBp, base: ofClass.reduce((s, l) => s + l.lineTotal - l.tax, 0), tax });
  }
  return rows;
}

function describeQty(qtyMilli: number, unit: SaleLine['unit']): string {
  return unit === 'kg' ? `${(qtyMilli / 1000).toFixed(3)} kg` : String(qtyMilli / 1000);
}
