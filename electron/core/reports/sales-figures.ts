/**
 * The owner of the sales aggregates (shared/reports/sales-aggregates.ts) on this till. They live in memory and are
 * rebuilt each time the core starts: in batches after the core is ready, yielding to commands between batches, so
 * the first scan is never kept waiting. Meanwhile and afterwards every write to `sales` — this till's checkouts and
 * other terminals' sales arriving through sync — is applied from the change stream. A set of the sale ids counted
 * makes each document count once whichever path sees it first; an update takes the old version away and adds the
 * new one. Screens hear `reports.changed` (at most every `pushMs`) and read again.
 *
 * Why in memory: a year of a busy store (200,000 sales) is about 1,100 day cells and rebuilds in seconds in the
 * background, no collection is spent on it (rxdb's limit is 13), and nothing persisted can go stale across a schema,
 * rule or time-zone change.
 */
import type { RxDocumentData } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { SaleDoc } from '../../../shared/model';
import { rangeFigures, type RangeFigures, type RangeQuery } from '../../../shared/reports/range-figures';
import { applySale, emptyAggregates, type SalesAggregates } from '../../../shared/reports/sales-aggregates';
import { localCalendar, type StoreCalendar } from '../../../shared/reports/store-calendar';
import type { SalesFiguresOptions } from '../api/till-core-types';
import type { CoreContext } from '../services/core-context';

export interface Preparing {
  done: number;
  total: number;
}

export interface LastSale {
  at: string;
  number: string;
}

type StoredSale = RxDocumentData<SaleDoc>;

export class SalesFigures {
  private aggregates: SalesAggregates = emptyAggregates();
  private readonly held = new Set<string>();
  private readonly lastSales = new Map<string, LastSale>();
  private readonly productNames = new Map<string, { name: string; sku: string }>();
  private revisionNo = 0;
  private preparingState: Preparing | null = { done: 0, total: 0 };
  private subscription: Subscription | null = null;
  private building: Promise<void> = Promise.resolve();
  private stopped = false;
  private pushTimer: NodeJS.Timeout | null = null;
  private readonly waiters: (() => void)[] = [];
  readonly calendar: StoreCalendar;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: SalesFiguresOptions = {},
  ) {
    this.calendar = options.calendar ?? localCalendar;
  }

  /** Starts listening now and builds in the background; resolves at once. */
  start(): void {
    this.subscription = this.ctx.db.sales.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) {
        if (event.previousDocumentData && this.held.has(event.documentId)) this.remove(event.previousDocumentData as StoredSale);
        if (event.operation !== 'DELETE') this.add(event.documentData as StoredSale);
      }
      this.changed();
    });
    this.building = this.rebuild().catch((error: unknown) => {
      this.ctx.log.error('Could not build the sales figures', { error });
      this.preparingState = null;
    });
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    if (this.pushTimer) clearTimeout(this.pushTimer);
    return this.building;
  }

  get revision(): number {
    return this.revisionNo;
  }

  get preparing(): Preparing | null {
    return this.preparingState ? { ...this.preparingState } : null;
  }

  /** Resolves once the first build is done (tests, benchmarks). */
  ready(): Promise<void> {
    return this.building;
  }

  /** Resolves at the next change counted (tests, benchmarks). */
  nextChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  figures(query: RangeQuery): RangeFigures {
    return rangeFigures(this.aggregates, query);
  }

  /** The aggregates themselves, for the tests that compare them with a rebuild. */
  snapshot(): SalesAggregates {
    return structuredClone(this.aggregates);
  }

  lastSaleOf(terminalId: string): LastSale | null {
    return this.lastSales.get(terminalId) ?? null;
  }

  knownTerminals(): string[] {
    return [...this.lastSales.keys()].sort();
  }

  productName(productId: string): { name: string; sku: string } | null {
    return this.productNames.get(productId) ?? null;
  }

  private add(sale: StoredSale): void {
    if (sale._deleted || this.held.has(sale.id)) return;
    this.held.add(sale.id);
    applySale(this.aggregates, sale, 1, this.calendar);
    const last = this.lastSales.get(sale.terminalId);
    if (!last || sale.createdAt > last.at) this.lastSales.set(sale.terminalId, { at: sale.createdAt, number: sale.number });
    for (const line of sale.lines) if (!this.productNames.has(line.productId)) this.productNames.set(line.productId, { name: line.name, sku: line.sku });
  }

  private remove(sale: StoredSale): void {
    if (!this.held.delete(sale.id) || sale._deleted) return;
    applySale(this.aggregates, sale, -1, this.calendar);
  }

  private changed(): void {
    this.revisionNo++;
    for (const resolve of this.waiters.splice(0)) resolve();
    if (this.pushTimer || this.stopped) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      this.ctx.push({ channelId: null, message: { event: 'reports.changed', payload: { revision: this.revisionNo, preparing: this.preparing } } });
    }, this.options.pushMs ?? 100);
  }

  /** Reads every stored sale in the storage's own write order, a batch at a time, yielding between batches. */
  private async rebuild(): Promise<void> {
    // Let the core answer its first commands before the first batch.
    await yieldToCommands();
    const storage = this.ctx.db.sales.storageInstance;
    const total = await this.ctx.db.sales.count().exec();
    this.preparingState = { done: 0, total };
    const started = performance.now();
    let checkpoint: unknown = undefined;
    let done = 0;
    for (;;) {
      if (this.stopped) return;
      const batch = await storage.getChangedDocumentsSince!(this.options.batch ?? 1_000, checkpoint as never);
      if (batch.documents.length === 0) break;
      for (const doc of batch.documents) this.add(doc as StoredSale);
      done += batch.documents.length;
      checkpoint = batch.checkpoint;
      this.preparingState = { done: Math.min(done, total), total: Math.max(total, done) };
      this.changed();
      await yieldToCommands();
    }
    this.preparingState = null;
    this.changed();
    this.ctx.log.info('Sales figures built', { sales: this.held.size, days: this.aggregates.size, ms: Math.round(performance.now() - started) });
  }
}

/** setImmediate: commands that arrived meanwhile (I/O callbacks) run before the next batch. */
function yieldToCommands(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
