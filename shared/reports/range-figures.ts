/**
 * Reading the aggregates for a range of store days (and one terminal or all): the dashboard's figures. Pure; the
 * cost is one pass over the range's day cells, never over the sales themselves. Averages round half away from zero.
 */
import { roundDiv } from '../money/round-div';
import { TAX_CLASSES } from '../model';
import type { PartyFigure, ProductFigure, SalesAggregates, TaxFigure, TenderFigure } from './sales-aggregates';
import { daysBetween } from './store-calendar';

export interface RangeQuery {
  from: string;
  to: string;
  /** Only this terminal; absent: the whole store. */
  terminalId?: string;
}

export interface SeriesPoint {
  /** 'HH' for an hour of a one-day range, 'YYYY-MM-DD' otherwise. */
  key: string;
  net: number;
  sales: number;
}

export interface RangeFigures {
  sales: number;
  returns: number;
  gross: number;
  discounts: number;
  salesTotal: number;
  returnsTotal: number;
  /** salesTotal − returnsTotal. */
  net: number;
  itemsMilli: number;
  /** salesTotal / sales, rounded; 0 without sales. */
  averageBasket: number;
  /** Items per basket in thousandths (1500 = 1.5 items), rounded; 0 without sales. */
  itemsPerBasketMilli: number;
  /** By tax class (TAX_CLASSES order), then rate. */
  tax: TaxFigure[];
  /** One point per hour (0–23) of a one-day range, or per day of a longer one, zeros included. */
  series: SeriesPoint[];
  seriesBy: 'hour' | 'day';
  terminals: (PartyFigure & { terminalId: string })[];
  clerks: (PartyFigure & { clerkId: string })[];
  tenders: (TenderFigure & { method: string })[];
  /** Every product of the range, best net first (ties by id). */
  products: (ProductFigure & { productId: string })[];
}

function addParty(map: Map<string, PartyFigure>, key: string, p: PartyFigure): void {
  const into = map.get(key) ?? { net: 0, sales: 0, returns: 0 };
  into.net += p.net;
  into.sales += p.sales;
  into.returns += p.returns;
  map.set(key, into);
}

const byNetThenKey = <T extends { net: number }>(key: (t: T) => string) => (a: T, b: T) =>
  b.net - a.net || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The range as month keys ('YYYY-MM') for every month it covers whole, and day keys for the rest. */
export function wholeMonthsAndDays(days: readonly string[]): string[] {
  const byMonth = new Map<string, string[]>();
  for (const day of days) {
    const month = day.slice(0, 7);
    const list = byMonth.get(month) ?? [];
    list.push(day);
    byMonth.set(month, list);
  }
  const keys: string[] = [];
  for (const [month, list] of byMonth) {
    const length = new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0).getDate();
    if (list.length === length) keys.push(month);
    else keys.push(...list);
  }
  return keys;
}

export function rangeFigures(aggregates: SalesAggregates, query: RangeQuery): RangeFigures {
  const oneDay = query.from === query.to;
  const days = daysBetween(query.from, query.to);
  const series = new Map<string, SeriesPoint>();
  if (oneDay) for (let h = 0; h < 24; h++) series.set(String(h).padStart(2, '0'), { key: String(h).padStart(2, '0'), net: 0, sales: 0 });
  else for (const day of days) series.set(day, { key: day, net: 0, sales: 0 });

  let sales = 0, returns = 0, gross = 0, discounts = 0, salesTotal = 0, returnsTotal = 0, itemsMilli = 0;
  const tax = new Map<string, TaxFigure>();
  const terminals = new Map<string, PartyFigure>();
  const clerks = new Map<string, PartyFigure>();
  const tenders = new Map<string, TenderFigure>();
  const products = new Map<string, ProductFigure>();

  // The series from the day cells' totals; everything else from whole months' cells plus the days outside them.
  for (const day of days) {
    const cells = aggregates.get(day);
    if (!cells) continue;
    for (const [terminalId, cell] of cells) {
      if (query.terminalId !== undefined && terminalId !== query.terminalId) continue;
      if (oneDay) {
        for (const [hour, p] of cell.hours) {
          const point = series.get(String(hour).padStart(2, '0'))!;
          point.net += p.net;
          point.sales += p.sales;
        }
      } else {
        const point = series.get(day)!;
        point.net += cell.salesTotal - cell.returnsTotal;
        point.sales += cell.sales;
      }
    }
  }
  for (const key of wholeMonthsAndDays(days)) {
    const cells = aggregates.get(key);
    if (!cells) continue;
    for (const [terminalId, cell] of cells) {
      if (query.terminalId !== undefined && terminalId !== query.terminalId) continue;
      sales += cell.sales;
      returns += cell.returns;
      gross += cell.gross;
      discounts += cell.discounts;
      salesTotal += cell.salesTotal;
      returnsTotal += cell.returnsTotal;
      itemsMilli += cell.itemsMilli;
      addParty(terminals, terminalId, { net: cell.salesTotal - cell.returnsTotal, sales: cell.sales, returns: cell.returns });
      for (const [taxKey, t] of cell.tax) {
        const into = tax.get(taxKey) ?? { taxClass: t.taxClass, rateBp: t.rateBp, base: 0, tax: 0, documents: 0 };
        into.base += t.base;
        into.tax += t.tax;
        into.documents += t.documents;
        tax.set(taxKey, into);
      }
      for (const [clerkId, p] of cell.clerks) addParty(clerks, clerkId, p);
      for (const [method, t] of cell.tenders) {
        const into = tenders.get(method) ?? { taken: 0, refunded: 0, sales: 0, returns: 0 };
        into.taken += t.taken;
        into.refunded += t.refunded;
        into.sales += t.sales;
        into.returns += t.returns;
        tenders.set(method, into);
      }
      for (const [productId, p] of cell.products) {
        const into = products.get(productId);
        if (into) {
          into.qtyMilli += p.qtyMilli;
          into.net += p.net;
          into.soldLines += p.soldLines;
          into.returnedLines += p.returnedLines;
        } else {
          products.set(productId, { ...p });
        }
      }
    }
  }

  const classOrder = (c: string) => (TAX_CLASSES as readonly string[]).indexOf(c);
  return {
    sales,
    returns,
    gross,
    discounts,
    salesTotal,
    returnsTotal,
    net: salesTotal - returnsTotal,
    itemsMilli,
    averageBasket: sales > 0 ? roundDiv(salesTotal, sales) : 0,
    itemsPerBasketMilli: sales > 0 ? roundDiv(itemsMilli, sales) : 0,
    tax: [...tax.values()].sort((a, b) => classOrder(a.taxClass) - classOrder(b.taxClass) || a.rateBp - b.rateBp),
    series: [...series.values()],
    seriesBy: oneDay ? 'hour' : 'day',
    terminals: [...terminals].map(([terminalId, p]) => ({ terminalId, ...p })).sort(byNetThenKey((t) => t.terminalId)),
    clerks: [...clerks].map(([clerkId, p]) => ({ clerkId, ...p })).sort(byNetThenKey((c) => c.clerkId)),
    tenders: [...tenders].map(([method, t]) => ({ method, ...t })).sort((a, b) => (a.method < b.method ? -1 : 1)),
    products: [...products].map(([productId, p]) => ({ productId, ...p })).sort(byNetThenKey((p) => p.productId)),
  };
}
