/**
 * Managers watching sales: the dashboard of any range of store days (whole store or one terminal), the sales
 * behind any figure, CSV exports, and every terminal of the store. Money is integer minor units; days are the
 * store's calendar days 'YYYY-MM-DD' (shared/reports/store-calendar.ts).
 */
import { z } from 'zod';
import type { TaxClass } from '../../model';
import { PAYMENT_METHODS, SALE_KINDS } from '../../model';
import { DAY_PATTERN } from '../../reports/store-calendar';
import { command, entityId, noInput } from '../command-spec';
import type { SaleSummary } from './selling-commands';

const day = z.string().regex(DAY_PATTERN, 'A day is written 2026-03-31');
const terminalId = z.string().regex(/^[A-Z0-9_]{1,24}$/, 'Not a terminal id');
/** At most ten years in one view. */
const MAX_RANGE_DAYS = 3_660;

function rangeRule(v: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (v.to < v.from) {
    ctx.addIssue({ code: 'custom', message: 'The range ends before it starts', path: ['to'] });
    return;
  }
  const days = (Date.parse(`${v.to}T00:00:00Z`) - Date.parse(`${v.from}T00:00:00Z`)) / 86_400_000;
  if (!(days < MAX_RANGE_DAYS)) ctx.addIssue({ code: 'custom', message: 'A range covers at most ten years', path: ['to'] });
}

const rangeFields = { from: day, to: day, terminalId: terminalId.optional() };
export const rangeInput = z.object(rangeFields).strict().superRefine(rangeRule);
export type RangeInput = z.input<typeof rangeInput>;

/** Where a list of sales continues: after this sale (createdAt and id of the last one shown). */
const cursor = z.string().regex(/^\d{4}-\d\d-\d\dT[0-9:.]{8,12}Z\|[A-Za-z0-9_-]{1,64}$/, 'Not a place in the list');

/** What a drill-down narrows the range's sales to; every field optional. */
export const salesFilter = z
  .object({
    ...rangeFields,
    clerkId: entityId.optional(),
    method: z.enum(PAYMENT_METHODS).optional(),
    productId: entityId.optional(),
    categoryId: entityId.optional(),
    /** One hour of the store day, 0–23. */
    hour: z.number().int().min(0).max(23).optional(),
    kind: z.enum(SALE_KINDS).optional(),
  })
  .strict()
  .superRefine(rangeRule);
export type SalesFilter = z.output<typeof salesFilter>;

export interface TaxRateFigure {
  taxClass: TaxClass;
  rateBp: number;
  base: number;
  tax: number;
}

export interface DashboardFigures {
  /** Completed sales (baskets). */
  transactions: number;
  returnsCount: number;
  /** Before discounts (tax included when prices include it). */
  gross: number;
  discounts: number;
  /** What returns paid back. */
  returns: number;
  /** Sales totals less returns. */
  net: number;
  salesTotal: number;
  averageBasket: number;
  /** Thousandths of an item (1500 = 1.5 items). */
  itemsPerBasketMilli: number;
  tax: TaxRateFigure[];
}

export interface GroupFigure {
  /** The terminal, clerk, tender, product or category id. */
  key: string;
  label: string;
  net: number;
  sales: number;
  returns: number;
}

export interface TenderFigureView {
  method: string;
  label: string;
  taken: number;
  refunded: number;
  net: number;
  sales: number;
  returns: number;
}

export interface ProductFigureView {
  key: string;
  label: string;
  sku: string;
  qtyMilli: number;
  net: number;
}

/** How current one terminal's figures are on this till. */
export interface TerminalFreshness {
  terminalId: string;
  /** The newest sale of that terminal this till holds; '' when none. */
  lastSaleAt: string;
  lastSaleNumber: string;
  /** When that terminal last completed a sync, as it said in its status; '' when unknown. */
  lastSyncedAt: string;
  /** When that terminal last published its status; '' when never. */
  statusAt: string;
}

export interface DashboardView {
  /** While the figures are first built after the core starts: how far it got. Figures are partial until then. */
  preparing: { done: number; total: number } | null;
  /** Changes whenever a sale is counted; the screen asks again when `reports.changed` says it moved. */
  revision: number;
  from: string;
  to: string;
  terminalId: string | null;
  currency: string;
  figures: DashboardFigures;
  seriesBy: 'hour' | 'day';
  series: { key: string; net: number; sales: number }[];
  terminals: GroupFigure[];
  clerks: GroupFigure[];
  tenders: TenderFigureView[];
  topProducts: ProductFigureView[];
  topCategories: ProductFigureView[];
  freshness: TerminalFreshness[];
  /** This till's clock when the figures were read. */
  at: string;
}

export interface SalesPage {
  items: SaleSummary[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
}

export interface CsvChunk {
  /** CSV text (RFC 4180, CRLF); the first chunk starts with the header row. */
  text: string;
  rows: number;
  next: string | null;
}

export interface TerminalView {
  terminalId: string;
  /** This till itself. */
  self: boolean;
  /** 'online': its status arrived in the last 3 minutes (or it is this till and online); 'offline': older; 'unknown': it never published one. */
  state: 'online' | 'offline' | 'unknown';
  lastSeenAt: string;
  syncState: string;
  lastSyncedAt: string;
  pendingTotal: number;
  pendingCapped: boolean;
  rejected: number;
  openShift: { shiftId: string; openedAt: string; openedBy: string } | null;
  lastSaleAt: string;
  lastSaleNumber: string;
}

export const reportsCommands = {
  'reports.dashboard': command<DashboardView>()(rangeInput, 'manager', 'reads'),
  /** The sales behind a figure, oldest first, a page at a time. */
  'reports.sales': command<SalesPage>()(
    z.object({ filter: salesFilter, after: cursor.optional(), limit: z.number().int().min(1).max(200) }).strict(),
    'manager', 'reads',
  ),
  /** A chunk of the range's sales (one row per sale) or sale lines (one row per line) as CSV; the screen joins them. */
  'reports.csv': command<CsvChunk>()(
    z.object({ range: rangeInput, what: z.enum(['sales', 'lines']), after: cursor.optional() }).strict(),
    'manager', 'reads',
  ),
  'terminals.list': command<TerminalView[]>()(noInput, 'manager', 'reads'),
} as const;

export interface ReportsEvents {
  /** Sales were counted (at most a few times a second): dashboards read again. */
  'reports.changed': { revision: number; preparing: { done: number; total: number } | null };
}
