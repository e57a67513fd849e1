/**
 * The sales figures managers read, kept as sums per store day and terminal. RULE: the aggregates are the sum of one
 * contribution per completed sale document (a return counts against the day it was made), so adding a sale and
 * taking it away again are exact inverses, the order of arrival never matters, and the figures kept up to date from
 * the change stream equal a rebuild from the stored sales. Entries whose counters all come back to zero are removed,
 * so "nothing" has one shape. Pure: the till core keeps one of these current (electron/core/reports/).
 *
 * Money is integer minor units; quantities thousandths. Days are the store's calendar days ('YYYY-MM-DD', local
 * time of the till that computes them, see store-calendar.ts).
 */
import type { SaleDoc, TaxClass } from '../model';
import type { StoreCalendar } from './store-calendar';

/** What a group of sales (an hour, a clerk, a terminal) took: net of returns, with its counts. */
export interface PartyFigure {
  /** Σ sale totals − Σ return totals. */
  net: number;
  sales: number;
  returns: number;
}

export interface TaxFigure {
  taxClass: TaxClass;
  rateBp: number;
  /** Net of returns, excluding tax. */
  base: number;
  tax: number;
  /** Sale and return documents that carried this rate (both count up). */
  documents: number;
}

export interface TenderFigure {
  /** Σ tender amounts of sales (what the drawer or the card kept, cash rounding included). */
  taken: number;
  /** Σ tender amounts paid back by returns (positive). */
  refunded: number;
  sales: number;
  returns: number;
}

export interface ProductFigure {
  /** Sold minus returned, thousandths of the unit. */
  qtyMilli: number;
  /** Σ line totals sold − Σ line totals returned. */
  net: number;
  soldLines: number;
  returnedLines: number;
}

/** The sums of one store day on one terminal. */
export interface DayCell {
  sales: number;
  returns: number;
  /** Σ subtotal of sales: before discounts (tax included when prices include tax). */
  gross: number;
  /** Σ discountTotal of sales. */
  discounts: number;
  /** Σ total of sales (before cash rounding). */
  salesTotal: number;
  /** Σ total of returns (positive). */
  returnsTotal: number;
  /** Items in the sales' baskets, thousandths: a piece line counts its quantity, a weighed line one item. */
  itemsMilli: number;
  /** Key `<taxClass>@<rateBp>`. */
  tax: Map<string, TaxFigure>;
  /** Key: the hour of the store day, 0–23. */
  hours: Map<number, PartyFigure>;
  clerks: Map<string, PartyFigure>;
  tenders: Map<string, TenderFigure>;
  products: Map<string, ProductFigure>;
}

/**
 * Store day ('YYYY-MM-DD') → terminal → sums, and the same sums per month ('YYYY-MM') in the same map, so a range of
 * whole months reads one cell per month and terminal instead of one per day (a year: 36 cells, not 1,100).
 */
export type SalesAggregates = Map<string, Map<string, DayCell>>;

export function emptyAggregates(): SalesAggregates {
  return new Map();
}

function emptyCell(): DayCell {
  return {
    sales: 0,
    returns: 0,
    gross: 0,
    discounts: 0,
    salesTotal: 0,
    returnsTotal: 0,
    itemsMilli: 0,
    tax: new Map(),
    hours: new Map(),
    clerks: new Map(),
    tenders: new Map(),
    products: new Map(),
  };
}

/** Whether a sale document contributes at all: voided documents are kept for the record but sold nothing. */
export function counts(sale: Pick<SaleDoc, 'status'>): boolean {
  return sale.status === 'completed';
}

/** Items a basket holds, thousandths: pieces by quantity, a weighed line as one item. */
export function basketItemsMilli(sale: Pick<SaleDoc, 'lines'>): number {
  let items = 0;
  for (const line of sale.lines) items += line.unit === 'piece' ? line.qtyMilli : 1000;
  return items;
}

/** Adds an entry's counters into the map (creating it), and drops it when they all come back to zero. */
function bump<K, V extends object>(map: Map<K, V>, key: K, make: () => V, change: (v: V) => void, isEmpty: (v: V) => boolean): void {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
  }
  change(value);
  if (isEmpty(value)) map.delete(key);
}

const emptyParty = (): PartyFigure => ({ net: 0, sales: 0, returns: 0 });
const partyEmpty = (p: PartyFigure) => p.net === 0 && p.sales === 0 && p.returns === 0;

function cellEmpty(c: DayCell): boolean {
  return (
    c.sales === 0 &&
    c.returns === 0 &&
    c.gross === 0 &&
    c.discounts === 0 &&
    c.salesTotal === 0 &&
    c.returnsTotal === 0 &&
    c.itemsMilli === 0 &&
    c.tax.size === 0 &&
    c.hours.size === 0 &&
    c.clerks.size === 0 &&
    c.tenders.size === 0 &&
    c.products.size === 0
  );
}

/**
 * Adds (`sign` 1) or takes away (`sign` -1) one sale document's contribution. Taking away a document that was
 * never added leaves negative counters: callers add each document once (the service keeps a set of what it holds).
 */
export function applySale(aggregates: SalesAggregates, sale: SaleDoc, sign: 1 | -1, calendar: StoreCalendar): void {
  if (!counts(sale)) return;
  const place = calendar.placeOf(sale.createdAt);
  applyTo(aggregates, place.day, place.hour, sale, sign);
  applyTo(aggregates, place.day.slice(0, 7), place.hour, sale, sign);
}

function applyTo(aggregates: SalesAggregates, key: string, hour: number, sale: SaleDoc, sign: 1 | -1): void {
  let terminals = aggregates.get(key);
  if (!terminals) {
    terminals = new Map();
    aggregates.set(key, terminals);
  }
  let cell = terminals.get(sale.terminalId);
  if (!cell) {
    cell = emptyCell();
    terminals.set(sale.terminalId, cell);
  }
  const isReturn = sale.kind === 'return';
  // What the document does to net sales: a return takes its total back.
  const direction = isReturn ? -1 : 1;
  const net = sign * direction * sale.total;
  if (isReturn) {
    cell.returns += sign;
    cell.returnsTotal += sign * sale.total;
  } else {
    cell.sales += sign;
    cell.gross += sign * sale.subtotal;
    cell.discounts += sign * sale.discountTotal;
    cell.salesTotal += sign * sale.total;
    cell.itemsMilli += sign * basketItemsMilli(sale);
  }
  const party = (p: PartyFigure) => {
    p.net += net;
    if (isReturn) p.returns += sign;
    else p.sales += sign;
  };
  bump(cell.hours, hour, emptyParty, party, partyEmpty);
  bump(cell.clerks, sale.clerkId, emptyParty, party, partyEmpty);
  for (const row of sale.taxBreakdown) {
    bump(
      cell.tax,
      `${row.taxClass}@${row.rateBp}`,
      () => ({ taxClass: row.taxClass, rateBp: row.rateBp, base: 0, tax: 0, documents: 0 }),
      (t) => {
        t.base += sign * direction * row.base;
        t.tax += sign * direction * row.tax;
        t.documents += sign;
      },
      (t) => t.base === 0 && t.tax === 0 && t.documents === 0,
    );
  }
  for (const tender of sale.tenders) {
    bump(
      cell.tenders,
      tender.method,
      () => ({ taken: 0, refunded: 0, sales: 0, returns: 0 }),
      (t) => {
        if (isReturn) {
          t.refunded += sign * tender.amount;
          t.returns += sign;
        } else {
          t.taken += sign * tender.amount;
          t.sales += sign;
        }
      },
      (t) => t.taken === 0 && t.refunded === 0 && t.sales === 0 && t.returns === 0,
    );
  }
  for (const line of sale.lines) {
    bump(
      cell.products,
      line.productId,
      () => ({ qtyMilli: 0, net: 0, soldLines: 0, returnedLines: 0 }),
      (p) => {
        p.qtyMilli += sign * direction * line.qtyMilli;
        p.net += sign * direction * line.lineTotal;
        if (isReturn) p.returnedLines += sign;
        else p.soldLines += sign;
      },
      (p) => p.qtyMilli === 0 && p.net === 0 && p.soldLines === 0 && p.returnedLines === 0,
    );
  }
  if (cellEmpty(cell)) {
    terminals.delete(sale.terminalId);
    if (terminals.size === 0) aggregates.delete(key);
  }
}

/** The aggregates of these sales, built from nothing: what the incremental ones must always equal. */
export function buildAggregates(sales: Iterable<SaleDoc>, calendar: StoreCalendar): SalesAggregates {
  const aggregates = emptyAggregates();
  for (const sale of sales) applySale(aggregates, sale, 1, calendar);
  return aggregates;
}
