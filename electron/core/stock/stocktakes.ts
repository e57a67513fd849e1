/**
 * The stocktake of a category or the whole store on this till: started, counted product by product (each count
 * compared with what is on hand at that moment), and posted as ONE batch: the differences become `count`
 * movements with fixed ids (`<stocktakeId>-K<n>`, n by product id) written in one bulk insert by the sale book,
 * then one audit event `<stocktakeId>-A`. The movements are frozen in the header before they are written, so a
 * post that is repeated — by the manager, or when the till opens after a crash mid-post — writes the same ids,
 * and what is already there is not written again.
 */
import type { StocktakeLineView, StocktakePosted, StocktakeView } from '../../../shared/api/commands/stock-commands';
import { TillError } from '../../../shared/api/errors';
import type { AuditEventDoc, StockMovementDoc } from '../../../shared/model';
import { assertStockQuantity, valueAtPrice } from '../../../shared/stock/stock-rules';
import type { Session } from '../auth/session-registry';
import type { SellingContext } from '../selling/selling-context';
import { isoNow } from '../services/core-context';
import { activeProduct } from './stock-rows';
import { StocktakeRecord, type StocktakeCounts, type StocktakeHeader } from './stocktake-record';

const movementIdOf = (stocktakeId: string, index: number) => `${stocktakeId}-K${index + 1}`;

export interface PageInput {
  query: string;
  onlyCounted?: boolean | undefined;
  limit: number;
  offset?: number | undefined;
}

export class Stocktakes {
  private readonly record: StocktakeRecord;

  private constructor(private readonly s: SellingContext) {
    this.record = new StocktakeRecord(s.ctx);
  }

  /** Finishes a post that a crash interrupted (its movements are frozen in the header). */
  static async open(s: SellingContext): Promise<Stocktakes> {
    const stocktakes = new Stocktakes(s);
    const header = await stocktakes.record.readHeader();
    if (header?.status === 'posting') {
      s.ctx.log.warn('Finishing a stocktake post that was interrupted', { stocktakeId: header.id });
      await stocktakes.finishPosting(header);
    }
    return stocktakes;
  }

  start(categoryId: string | undefined, session: Session): Promise<StocktakeView> {
    return this.s.queue(async () => {
      const current = await this.record.readHeader();
      if (current && current.status !== 'posted') throw new TillError('CONFLICT', 'A stocktake is already open on this till: post or cancel it first.');
      if (categoryId && !(await this.s.ctx.db.categories.findOne(categoryId).exec())) throw new TillError('NOT_FOUND', `No category with id ${categoryId}.`);
      if (current) await this.record.clear(current.id);
      const header: StocktakeHeader = {
        id: this.s.ctx.newId(),
        categoryId: categoryId ?? '',
        startedAt: isoNow(this.s.ctx),
        startedBy: session.user.id,
        startedByName: session.user.displayName,
        status: 'open',
      };
      await this.record.writeHeader(header);
      await this.s.ctx.audit.record({ actorId: session.user.id, type: 'stocktake.started', subjectId: header.id, details: { categoryId: header.categoryId } });
      return this.view(header, {}, { query: '', limit: 50 });
    });
  }

  async get(input: PageInput): Promise<StocktakeView | null> {
    const header = await this.record.readHeader();
    return header ? this.view(header, await this.record.readCounts(header.id), input) : null;
  }

  count(stocktakeId: string, productId: string, countedMilli: number | null): Promise<StocktakeLineView> {
    return this.s.queue(async () => {
      const header = await this.openHeader(stocktakeId);
      const found = activeProduct(this.s, productId);
      if (header.categoryId && found.product.categoryId !== header.categoryId) throw new TillError('BAD_INPUT', `${found.product.name} is not in the category being counted.`);
      const counts = await this.record.readCounts(header.id);
      if (countedMilli === null) delete counts[productId];
      else {
        assertStockQuantity(found.product.unit, countedMilli, true);
        counts[productId] = { countedMilli, expectedMilli: this.s.stock.onHand(productId), price: found.product.price };
      }
      await this.record.writeCounts(header.id, counts);
      return this.line(productId, counts);
    });
  }

  post(stocktakeId: string, session: Session): Promise<StocktakePosted> {
    return this.s.queue(async () => {
      const header = await this.record.readHeader();
      if (!header || header.id !== stocktakeId) throw new TillError('NOT_FOUND', `Stocktake ${stocktakeId} is not on this till.`);
      if (header.status === 'posted') return { ...this.postedOf(header), written: 0 };
      if (header.status === 'open') {
        const counts = await this.record.readCounts(header.id);
        if (Object.keys(counts).length === 0) throw new TillError('BAD_INPUT', 'Count at least one product before posting.');
        Object.assign(header, { status: 'posting', ...this.freeze(header, counts, session) });
        await this.record.writeHeader(header);
      }
      return this.finishPosting(header);
    });
  }

  cancel(stocktakeId: string, session: Session): Promise<{ cancelled: string }> {
    return this.s.queue(async () => {
      const header = await this.openHeader(stocktakeId);
      await this.record.clear(header.id);
      await this.s.ctx.audit.record({ actorId: session.user.id, type: 'stocktake.cancelled', subjectId: header.id, details: { categoryId: header.categoryId } });
      return { cancelled: header.id };
    });
  }

  private async openHeader(stocktakeId: string): Promise<StocktakeHeader> {
    const header = await this.record.readHeader();
    if (!header || header.id !== stocktakeId) throw new TillError('NOT_FOUND', `Stocktake ${stocktakeId} is not on this till.`);
    if (header.status !== 'open') throw new TillError('CONFLICT', 'This stocktake is posted (or being posted): its counts can no longer change.');
    return header;
  }

  /** The differences as movements with fixed ids, in product id order; equal counts move nothing. */
  private freeze(header: StocktakeHeader, counts: StocktakeCounts, session: Session): Pick<StocktakeHeader, 'movements' | 'valueDifference'> {
    const at = isoNow(this.s.ctx);
    const differing = Object.entries(counts)
      .filter(([, c]) => c.countedMilli !== c.expectedMilli)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const movements = differing.map<StockMovementDoc>(([productId, c], i) => ({
      id: movementIdOf(header.id, i),
      productId,
      terminalId: this.s.ctx.terminalId,
      qtyMilli: c.countedMilli - c.expectedMilli,
      reason: 'count',
      refId: header.id,
      createdAt: at,
      note: 'Stocktake',
      userId: session.user.id,
    }));
    const valueDifference = differing.reduce((sum, [, c]) => sum + valueAtPrice(c.price, c.countedMilli - c.expectedMilli), 0);
    return { movements, valueDifference };
  }

  /** One bulk write of the frozen movements, the audit event once, then the header says posted. */
  private async finishPosting(header: StocktakeHeader): Promise<StocktakePosted> {
    const movements = header.movements ?? [];
    const written = await this.s.book.insertMovements(movements);
    const audit: AuditEventDoc = {
      id: `${header.id}-A`,
      terminalId: this.s.ctx.terminalId,
      at: movements[0]?.createdAt ?? isoNow(this.s.ctx),
      actorId: movements[0]?.userId ?? header.startedBy,
      type: 'stocktake.posted',
      subjectId: header.id,
      details: { categoryId: header.categoryId, movements: movements.length, valueDifference: header.valueDifference ?? 0, currency: this.s.settings.current().currency },
    };
    await this.s.ctx.audit.recordOnce([audit]);
    header.status = 'posted';
    await this.record.writeHeader(header);
    return { ...this.postedOf(header), written: written.size };
  }

  private postedOf(header: StocktakeHeader): Omit<StocktakePosted, 'written'> {
    return { stocktakeId: header.id, movements: header.movements?.length ?? 0, valueDifference: header.valueDifference ?? 0 };
  }

  private line(productId: string, counts: StocktakeCounts): StocktakeLineView {
    const found = this.s.catalog.get(productId);
    const count = counts[productId];
    const p = found?.product;
    const expectedMilli = count ? count.expectedMilli : this.s.stock.onHand(productId);
    const differenceMilli = count ? count.countedMilli - count.expectedMilli : 0;
    return {
      productId,
      sku: p?.sku ?? '',
      name: p?.name ?? productId,
      unit: p?.unit ?? 'piece',
      expectedMilli,
      countedMilli: count ? count.countedMilli : null,
      differenceMilli,
      differenceValue: count ? valueAtPrice(count.price, differenceMilli) : 0,
    };
  }

  private view(header: StocktakeHeader, counts: StocktakeCounts, input: PageInput): StocktakeView {
    const entries = Object.entries(counts);
    const offset = input.offset ?? 0;
    let total: number;
    let ids: string[];
    if (input.onlyCounted) {
      const query = input.query.trim().toLowerCase();
      const matching = entries
        .map(([id]) => this.line(id, counts))
        .filter((l) => !query || l.name.toLowerCase().includes(query) || l.sku.toLowerCase().includes(query))
        .sort((a, b) => a.name.localeCompare(b.name));
      total = matching.length;
      ids = matching.slice(offset, offset + input.limit).map((l) => l.productId);
    } else {
      const page = this.s.catalog.search({ query: input.query, categoryId: header.categoryId || undefined, limit: input.limit, offset });
      total = page.total;
      ids = page.items.map((p) => p.id);
    }
    const lines = ids.map((id) => this.line(id, counts));
    const diffs = entries.filter(([, c]) => c.countedMilli !== c.expectedMilli);
    return {
      id: header.id,
      categoryId: header.categoryId,
      startedAt: header.startedAt,
      startedBy: header.startedByName,
      status: header.status,
      counted: entries.length,
      differing: diffs.length,
      valueDifference: header.valueDifference ?? diffs.reduce((sum, [, c]) => sum + valueAtPrice(c.price, c.countedMilli - c.expectedMilli), 0),
      currency: this.s.settings.current().currency,
      total,
      lines,
    };
  }
}
