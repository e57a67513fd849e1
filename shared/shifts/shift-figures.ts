/**
 * What a shift sold and what its drawer should hold. RULE: expected cash = opening float + cash kept by sales −
 * cash paid back by returns + paid-ins − paid-outs. "Cash kept" is the cash tender's `amount` (what stayed in the
 * drawer: cash rounding included, change not), so the rule matches the money that really moved. The variance is
 * counted − expected (negative: cash is missing). The sales of a shift are its terminal's completed sale and
 * return documents made while it was open.
 */
import type { CashMovement, SaleDoc, ShiftDoc, TaxClass } from '../model';
import { TAX_CLASSES } from '../model';

export interface ShiftSalesFigures {
  transactions: number;
  returnsCount: number;
  gross: number;
  discounts: number;
  /** Σ return totals. */
  returns: number;
  /** Σ sale totals − Σ return totals. */
  net: number;
  tax: { taxClass: TaxClass; rateBp: number; base: number; tax: number }[];
  tenders: { method: string; taken: number; refunded: number }[];
}

export interface DrawerFigures {
  openingFloat: number;
  cashSales: number;
  cashRefunds: number;
  paidIn: number;
  paidOut: number;
  expected: number;
  noSales: number;
}

/** Whether a sale document belongs to the shift: same terminal, completed, made from the opening until the close. */
export function inShift(shift: Pick<ShiftDoc, 'terminalId' | 'openedAt' | 'closedAt' | 'status'>, sale: SaleDoc): boolean {
  if (sale.terminalId !== shift.terminalId || sale.status !== 'completed' || sale.createdAt < shift.openedAt) return false;
  return shift.status === 'open' || sale.createdAt <= shift.closedAt;
}

export function shiftSalesFigures(sales: readonly SaleDoc[]): ShiftSalesFigures {
  const out: ShiftSalesFigures = { transactions: 0, returnsCount: 0, gross: 0, discounts: 0, returns: 0, net: 0, tax: [], tenders: [] };
  const tax = new Map<string, ShiftSalesFigures['tax'][number]>();
  const tenders = new Map<string, ShiftSalesFigures['tenders'][number]>();
  for (const sale of sales) {
    const isReturn = sale.kind === 'return';
    const sign = isReturn ? -1 : 1;
    if (isReturn) {
      out.returnsCount++;
      out.returns += sale.total;
    } else {
      out.transactions++;
      out.gross += sale.subtotal;
      out.discounts += sale.discountTotal;
    }
    out.net += sign * sale.total;
    for (const row of sale.taxBreakdown) {
      const key = `${row.taxClass}@${row.rateBp}`;
      const into = tax.get(key) ?? { taxClass: row.taxClass, rateBp: row.rateBp, base: 0, tax: 0 };
      into.base += sign * row.base;
      into.tax += sign * row.tax;
      tax.set(key, into);
    }
    for (const t of sale.tenders) {
      const into = tenders.get(t.method) ?? { method: t.method, taken: 0, refunded: 0 };
      if (isReturn) into.refunded += t.amount;
      else into.taken += t.amount;
      tenders.set(t.method, into);
    }
  }
  const order = (c: string) => (TAX_CLASSES as readonly string[]).indexOf(c);
  out.tax = [...tax.values()].sort((a, b) => order(a.taxClass) - order(b.taxClass) || a.rateBp - b.rateBp);
  out.tenders = [...tenders.values()].sort((a, b) => (a.method < b.method ? -1 : 1));
  return out;
}

export function drawerFigures(openingFloat: number, sales: readonly SaleDoc[], movements: readonly CashMovement[]): DrawerFigures {
  let cashSales = 0;
  let cashRefunds = 0;
  for (const sale of sales) {
    for (const t of sale.tenders) {
      if (t.method !== 'cash') continue;
      if (sale.kind === 'return') cashRefunds += t.amount;
      else cashSales += t.amount;
    }
  }
  const sum = (kind: CashMovement['kind']) => movements.filter((m) => m.kind === kind).reduce((s, m) => s + m.amount, 0);
  const paidIn = sum('paid_in');
  const paidOut = sum('paid_out');
  return {
    openingFloat,
    cashSales,
    cashRefunds,
    paidIn,
    paidOut,
    expected: openingFloat + cashSales - cashRefunds + paidIn - paidOut,
    noSales: movements.filter((m) => m.kind === 'no_sale').length,
  };
}
