/**
 * The sale document is the unit of atomicity. RxDB writes one collection per transaction, so a sale, its payments,
 * its stock movements and its audit event cannot be one write. The sale document therefore carries everything
 * (lines and tenders) and is inserted in ONE write; the other documents are DERIVED from it with fixed ids
 * (`<saleId>-P<n>`, `<saleId>-S<n>`, `<saleId>-A`) and inserted right after, where "already there" (409) is success.
 * A reconciler completes every sale of this terminal whose derived documents are missing: when the core opens,
 * before it serves a command, and after each checkout. After a crash a sale is absent or, once reopened, whole.
 * The same class hands out receipt numbers: the insert is the only place a number is used, so they stay gap-free.
 */
import type { AuditEventDoc, PaymentDoc, SaleDoc, StockMovementDoc } from '../../../shared/model';
import type { CoreContext } from '../services/core-context';
import { LocalRecord } from './local-record';

export interface DerivedDocs {
  payments: PaymentDoc[];
  movements: StockMovementDoc[];
  audit: AuditEventDoc;
}

export const paymentId = (saleId: string, index: number) => `${saleId}-P${index + 1}`;
export const movementId = (saleId: string, index: number) => `${saleId}-S${index + 1}`;
export const auditId = (saleId: string) => `${saleId}-A`;

/** A sale takes money in and stock out; a return (positive amounts in its own document) does the opposite. */
export function derivedDocs(sale: SaleDoc): DerivedDocs {
  const sign = sale.kind === 'return' ? -1 : 1;
  const payments = sale.tenders.map<PaymentDoc>((tender, i) => ({
    id: paymentId(sale.id, i),
    saleId: sale.id,
    terminalId: sale.terminalId,
    method: tender.method,
    amount: sign * tender.amount,
    currency: sale.currency,
    status: 'captured',
    createdAt: sale.createdAt,
    reference: tender.reference,
  }));
  const movements = sale.lines.map<StockMovementDoc>((line, i) => ({
    id: movementId(sale.id, i),
    productId: line.productId,
    terminalId: sale.terminalId,
    qtyMilli: -sign * line.qtyMilli,
    reason: sale.kind === 'return' ? 'return' : 'sale',
    refId: sale.id,
    createdAt: sale.createdAt,
  }));
  const details: AuditEventDoc['details'] = { number: sale.number, total: sale.total, currency: sale.currency };
  if (sale.approvedBy) details.approverId = sale.approvedBy;
  if (sale.kind === 'return') details.refSaleId = sale.refSaleId;
  const audit: AuditEventDoc = {
    id: auditId(sale.id),
    terminalId: sale.terminalId,
    at: sale.createdAt,
    actorId: sale.clerkId,
    type: sale.kind === 'return' ? 'return.created' : 'sale.completed',
    subjectId: sale.id,
    details,
  };
  return { payments, movements, audit };
}

export const receiptNumber = (terminalId: string, seq: number) => `${terminalId}-${String(seq).padStart(6, '0')}`;

/** Sales up to this seq were checked whole when the core last opened. */
const WATERMARK = 'outbox:checked-seq';
const BATCH = 500;

/** This terminal's sales in seq order, from just above `afterSeq` (an index range scan: RxDB sorts `desc` in memory). */
const salesAfter = (ctx: CoreContext, afterSeq: number, limit?: number) =>
  ctx.db.sales
    .find({
      selector: { terminalId: ctx.terminalId, seq: { $gt: afterSeq } },
      sort: [{ terminalId: 'asc' }, { seq: 'asc' }],
      ...(limit === undefined ? {} : { limit }),
    })
    .exec();

export class SaleOutbox {
  /** Sales whose derived documents could not be written yet; retried after the next checkout. */
  private readonly unfinished = new Map<string, SaleDoc>();
  /** The highest seq of this terminal known to be stored (set by reconcile() when the core opens). */
  private lastSeq = 0;

  constructor(private readonly ctx: CoreContext) {}

  /**
   * The seq for the next sale or return: the highest stored + 1. Only this terminal's one writer makes them; sync
   * may bring back sales of this terminal (a store restored from the backend), so the store is asked what lies
   * beyond the last seq known here.
   */
  async nextSeq(): Promise<number> {
    const beyond = await salesAfter(this.ctx, this.lastSeq);
    for (const doc of beyond) this.lastSeq = Math.max(this.lastSeq, doc.seq);
    return this.lastSeq + 1;
  }

  /** Writes what the sale implies. A failure leaves the sale for the reconciler: it is logged, not thrown. */
  async complete(sale: SaleDoc): Promise<void> {
    if (sale.terminalId === this.ctx.terminalId) this.lastSeq = Math.max(this.lastSeq, sale.seq);
    try {
      await this.writeMissing([sale]);
      this.unfinished.delete(sale.id);
    } catch (error) {
      this.unfinished.set(sale.id, sale);
      this.ctx.log.error('Payments, stock or audit of a sale not written yet; will retry', { saleId: sale.id, error });
    }
  }

  async retryUnfinished(): Promise<void> {
    for (const sale of [...this.unfinished.values()]) await this.complete(sale);
  }

  /** Completes every sale of this terminal written since the last check; returns how many needed it. */
  async reconcile(): Promise<{ checked: number; repaired: number }> {
    const watermark = new LocalRecord<number>(this.ctx, WATERMARK);
    let from = (await watermark.read()) ?? 0;
    let checked = 0;
    let repaired = 0;
    for (;;) {
      const docs = await salesAfter(this.ctx, from, BATCH);
      if (docs.length === 0) break;
      const sales = docs.map((d) => d.toMutableJSON() as SaleDoc);
      repaired += await this.writeMissing(sales);
      checked += sales.length;
      from = sales[sales.length - 1]!.seq;
    }
    if (checked > 0) await watermark.write(from);
    this.lastSeq = from;
    if (repaired > 0) this.ctx.log.warn('Completed sales a crash had left without payments, stock or audit', { repaired });
    return { checked, repaired };
  }

  /** Inserts the derived documents that are not stored yet (409: already there); returns how many sales lacked any. */
  private async writeMissing(sales: SaleDoc[]): Promise<number> {
    const derived = sales.map(derivedDocs);
    const completed = new Set<string>();
    const insert = async <T extends { id: string }>(
      collection: { bulkInsert(docs: T[]): Promise<{ success: { primary: string }[]; error: { status: number; documentId: string }[] }> },
      docs: T[],
      saleIdOf: (doc: T) => string,
    ) => {
      if (docs.length === 0) return;
      const result = await collection.bulkInsert(docs);
      const failed = result.error.filter((e) => e.status !== 409);
      if (failed.length > 0) throw new Error(`${failed.length} derived documents not written, first ${failed[0]!.documentId} (${failed[0]!.status})`);
      const saleOf = new Map(docs.map((d) => [d.id, saleIdOf(d)]));
      for (const written of result.success) completed.add(saleOf.get(written.primary) ?? '');
    };
    const { db } = this.ctx;
    await insert(db.payments, derived.flatMap((d) => d.payments), (p) => p.saleId);
    await insert(db.stock_movements, derived.flatMap((d) => d.movements), (m) => m.refId);
    await insert(db.audit_events, derived.map((d) => d.audit), (a) => a.subjectId);
    return completed.size;
  }
}
