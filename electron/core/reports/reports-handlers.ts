/**
 * The managers' reports: the dashboard (from the aggregates, never from the sales), the sales behind a figure and
 * CSV exports (from the sales of the range, a page or a chunk at a time), and every terminal of the store.
 */
import type { DashboardView, GroupFigure, ProductFigureView, SalesFilter, TerminalView } from '../../../shared/api/commands/reports-commands';
import type { SaleSummary } from '../../../shared/api/commands/selling-commands';
import type { PaymentDoc, SaleDoc } from '../../../shared/model';
import { settlementOf } from '../../../shared/payments/settlement';
import { LINES_CSV_HEADER, lineCsvRows, SALES_CSV_HEADER, saleCsvRow, csvRow } from '../../../shared/reports/sales-csv';
import { addDays } from '../../../shared/reports/store-calendar';
import type { HandlerMap } from '../api/handler-types';
import type { CatalogIndex } from '../selling/catalog-index';
import { isoNow, type CoreContext } from '../services/core-context';
import type { SalesFigures } from './sales-figures';
import type { TerminalStatusBoard } from './terminal-status';

export interface ReportsDeps {
  ctx: CoreContext;
  figures: SalesFigures;
  board: TerminalStatusBoard;
  catalog: CatalogIndex;
  nameOf: (userId: string) => Promise<string>;
  currency: () => string;
  /** This till's own sync status, live. */
  syncState: () => Promise<{ state: string; lastSyncedAt: string | null; pendingTotal: number; pendingCapped: boolean; rejected: number }>;
  openShift: () => { id: string; openedBy: string; openedAt: string } | null;
}

type ReportCommands = 'reports.dashboard' | 'reports.sales' | 'reports.csv' | 'terminals.list';

const TOP = 10;
const CSV_BATCH = 1_000;
const UNCATEGORIZED = 'uncategorized';
/** A terminal whose status is older than this is shown as not seen. */
const ONLINE_MS = 3 * 60_000;
const METHOD_LABELS: Record<string, string> = { cash: 'Cash', card: 'Card' };

export function createReportsHandlers(deps: ReportsDeps): HandlerMap<ReportCommands> {
  const { ctx, figures } = deps;

  const categoryNames = async () => new Map((await ctx.db.categories.find().exec()).map((c) => [c.id, c.name]));
  const categoryOf = (productId: string) => deps.catalog.get(productId)?.product.categoryId || UNCATEGORIZED;

  async function dashboard(input: { from: string; to: string; terminalId?: string | undefined }): Promise<DashboardView> {
    const query = { from: input.from, to: input.to, ...(input.terminalId ? { terminalId: input.terminalId } : {}) };
    const range = figures.figures(query);
    const group = async (rows: { key: string; net: number; sales: number; returns: number }[], label: (key: string) => Promise<string> | string): Promise<GroupFigure[]> => {
      const out: GroupFigure[] = [];
      for (const row of rows) out.push({ ...row, label: await label(row.key) });
      return out;
    };
    const productLabel = (productId: string) => {
      const known = deps.catalog.get(productId)?.product ?? figures.productName(productId);
      return { label: known?.name ?? productId, sku: known?.sku ?? '' };
    };
    const topProducts: ProductFigureView[] = range.products.slice(0, TOP).map((p) => ({ key: p.productId, ...productLabel(p.productId), qtyMilli: p.qtyMilli, net: p.net }));
    const byCategory = new Map<string, { net: number; qtyMilli: number }>();
    for (const p of range.products) {
      const key = categoryOf(p.productId);
      const into = byCategory.get(key) ?? { net: 0, qtyMilli: 0 };
      into.net += p.net;
      into.qtyMilli += p.qtyMilli;
      byCategory.set(key, into);
    }
    const names = await categoryNames();
    const topCategories: ProductFigureView[] = [...byCategory]
      .map(([key, c]) => ({ key, label: names.get(key) ?? (key === UNCATEGORIZED ? 'No category' : key), sku: '', qtyMilli: c.qtyMilli, net: c.net }))
      .sort((a, b) => b.net - a.net || (a.key < b.key ? -1 : 1))
      .slice(0, TOP);
    const statuses = new Map(deps.board.all().map((s) => [s.terminalId, s]));
    const ownSync = await deps.syncState();
    const terminalIds = [...new Set([...figures.knownTerminals(), ...statuses.keys(), ctx.terminalId])].sort();
    return {
      preparing: figures.preparing,
      revision: figures.revision,
      from: input.from,
      to: input.to,
      terminalId: input.terminalId ?? null,
      currency: deps.currency(),
      figures: {
        transactions: range.sales,
        returnsCount: range.returns,
        gross: range.gross,
        discounts: range.discounts,
        returns: range.returnsTotal,
        net: range.net,
        salesTotal: range.salesTotal,
        averageBasket: range.averageBasket,
        itemsPerBasketMilli: range.itemsPerBasketMilli,
        tax: range.tax.map(({ taxClass, rateBp, base, tax }) => ({ taxClass, rateBp, base, tax })),
      },
      seriesBy: range.seriesBy,
      series: range.series,
      terminals: await group(range.terminals.map((t) => ({ key: t.terminalId, net: t.net, sales: t.sales, returns: t.returns })), (key) => key),
      clerks: await group(range.clerks.map((c) => ({ key: c.clerkId, net: c.net, sales: c.sales, returns: c.returns })), deps.nameOf),
      tenders: range.tenders.map((t) => ({ ...t, label: METHOD_LABELS[t.method] ?? t.method, net: t.taken - t.refunded })),
      topProducts,
      topCategories,
      freshness: terminalIds.map((terminalId) => {
        const last = figures.lastSaleOf(terminalId);
        const status = statuses.get(terminalId);
        const self = terminalId === ctx.terminalId;
        return {
          terminalId,
          lastSaleAt: last?.at ?? '',
          lastSaleNumber: last?.number ?? '',
          lastSyncedAt: (self ? ownSync.lastSyncedAt : status?.lastSyncedAt) ?? '',
          statusAt: self ? isoNow(ctx) : (status?.updatedAt ?? ''),
        };
      }),
      at: isoNow(ctx),
    };
  }

  /** The range's sales that pass the filter, oldest first, after the cursor; read in batches through the createdAt index. */
  async function* salesIn(filter: SalesFilter, after: string | undefined): AsyncGenerator<SaleDoc> {
    const start = figures.calendar.dayStart(filter.from);
    const end = figures.calendar.dayStart(addDays(filter.to, 1));
    let [cursorAt, cursorId] = after ? (after.split('|') as [string, string]) : [start, ''];
    if (cursorAt < start) [cursorAt, cursorId] = [start, ''];
    for (;;) {
      const docs = await ctx.db.sales
        .find({ selector: { createdAt: { $gte: cursorAt, $lt: end } }, sort: [{ createdAt: 'asc' }, { id: 'asc' }], limit: CSV_BATCH })
        .exec();
      let moved = false;
      for (const doc of docs) {
        if (doc.createdAt === cursorAt && doc.id <= cursorId) continue;
        moved = true;
        cursorAt = doc.createdAt;
        cursorId = doc.id;
        const sale = doc.toMutableJSON() as SaleDoc;
        if (matches(sale, filter)) yield sale;
      }
      if (docs.length < CSV_BATCH) return;
      // A whole batch at one millisecond: step past it by id instead of reading it again.
      if (!moved) throw new Error(`More than ${CSV_BATCH} sales share the time ${cursorAt}`);
    }
  }

  function matches(sale: SaleDoc, f: SalesFilter): boolean {
    if (f.terminalId !== undefined && sale.terminalId !== f.terminalId) return false;
    if (f.clerkId !== undefined && sale.clerkId !== f.clerkId) return false;
    if (f.kind !== undefined && sale.kind !== f.kind) return false;
    if (f.method !== undefined && !sale.tenders.some((t) => t.method === f.method)) return false;
    if (f.productId !== undefined && !sale.lines.some((l) => l.productId === f.productId)) return false;
    if (f.categoryId !== undefined && !sale.lines.some((l) => categoryOf(l.productId) === f.categoryId)) return false;
    if (f.hour !== undefined && figures.calendar.placeOf(sale.createdAt).hour !== f.hour) return false;
    return true;
  }

  const cursorOf = (sale: SaleDoc) => `${sale.createdAt}|${sale.id}`;

  async function summary(sale: SaleDoc): Promise<Omit<SaleSummary, 'settlement'>> {
    return {
      saleId: sale.id,
      number: sale.number,
      kind: sale.kind,
      terminalId: sale.terminalId,
      clerkName: await deps.nameOf(sale.clerkId),
      createdAt: sale.createdAt,
      total: sale.total,
      currency: sale.currency,
    };
  }

  return {
    'reports.dashboard': dashboard,

    'reports.sales': async ({ filter, after, limit }) => {
      const found: Omit<SaleSummary, 'settlement'>[] = [];
      let last: SaleDoc | null = null;
      let next: string | null = null;
      for await (const sale of salesIn(filter, after)) {
        if (found.length === limit) {
          next = cursorOf(last!);
          break;
        }
        found.push(await summary(sale));
        last = sale;
      }
      // Whether each sale's money is all in, from its payments as they stand (card payments taken offline, declines).
      const payments = (await ctx.db.payments.find({ selector: { saleId: { $in: found.map((f) => f.saleId) } } }).exec()).map((d) => d.toMutableJSON() as PaymentDoc);
      const items = found.map((f) => ({ ...f, settlement: settlementOf({ id: f.saleId }, payments).state }));
      return { items, next };
    },

    'reports.csv': async ({ range, what, after }) => {
      const clerks = new Map<string, string>();
      for (const user of await ctx.db.users.find().exec()) clerks.set(user.id, user.displayName);
      const receipts = new Map<string, string>();
      const batch: SaleDoc[] = [];
      let more = false;
      for await (const sale of salesIn({ ...range }, after)) {
        if (batch.length === CSV_BATCH) {
          more = true;
          break;
        }
        batch.push(sale);
      }
      const refIds = [...new Set(batch.map((s) => s.refSaleId).filter(Boolean))];
      if (refIds.length > 0) for (const [id, doc] of await ctx.db.sales.findByIds(refIds).exec()) receipts.set(id, doc.number);
      const names = { clerk: (id: string) => clerks.get(id) ?? id, receiptOf: (id: string) => receipts.get(id) ?? id };
      let text = after ? '' : csvRow(what === 'sales' ? SALES_CSV_HEADER : LINES_CSV_HEADER);
      let rows = 0;
      for (const sale of batch) {
        text += what === 'sales' ? saleCsvRow(sale, names) : lineCsvRows(sale, names);
        rows += what === 'sales' ? 1 : sale.lines.length;
      }
      return { text, rows, next: more && batch.length > 0 ? cursorOf(batch.at(-1)!) : null };
    },

    'terminals.list': async (): Promise<TerminalView[]> => {
      const now = ctx.now();
      const own = await deps.syncState();
      const statuses = new Map(deps.board.all().map((s) => [s.terminalId, s]));
      const ids = [...new Set([...statuses.keys(), ...figures.knownTerminals(), ctx.terminalId])].filter((id) => id !== 'DEMO').sort();
      const out: TerminalView[] = [];
      for (const terminalId of ids) {
        const status = statuses.get(terminalId);
        const last = figures.lastSaleOf(terminalId);
        const self = terminalId === ctx.terminalId;
        const shift = self ? deps.openShift() : status?.openShiftId ? { id: status.openShiftId, openedBy: status.openShiftBy, openedAt: status.openShiftAt } : null;
        out.push({
          terminalId,
          self,
          state: self ? 'online' : !status ? 'unknown' : now - Date.parse(status.updatedAt) <= ONLINE_MS ? 'online' : 'offline',
          lastSeenAt: self ? new Date(now).toISOString() : (status?.updatedAt ?? ''),
          syncState: self ? own.state : (status?.syncState ?? ''),
          lastSyncedAt: (self ? own.lastSyncedAt : status?.lastSyncedAt) ?? '',
          pendingTotal: self ? own.pendingTotal : (status?.pendingTotal ?? 0),
          pendingCapped: self ? own.pendingCapped : (status?.pendingCapped ?? false),
          rejected: self ? own.rejected : (status?.rejected ?? 0),
          openShift: shift ? { shiftId: shift.id, openedAt: shift.openedAt, openedBy: await deps.nameOf(shift.openedBy) } : null,
          lastSaleAt: last?.at ?? status?.lastSaleAt ?? '',
          lastSaleNumber: last?.number ?? status?.lastSaleNumber ?? '',
        });
      }
      return out;
    },
  };
}
