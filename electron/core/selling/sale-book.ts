/**
 * The sale book: the one place a sale-like document — a sale, a return, and whatever moves money next — is
 * numbered, committed and completed.
 *
 * The sale document is the unit of atomicity. RxDB writes one collection per transaction, so a sale, its payments,
 * its stock movements and its audit event cannot be one write. The sale document therefore carries everything
 * (lines and tenders) and its insert is the ONE write that makes the sale happen; the clerk is answered right after
 * it. The other documents are DERIVED from it with fixed ids (`<saleId>-P<n>`, `<saleId>-S<n>`, `<saleId>-A`) and
 * written by the book right after, in the write queue before the next command, where "already there" (409) is
 * success. The same completion runs when the core opens, before it serves a command, for every sale of this
 * terminal written since the last check: after a crash a sale is absent or, once reopened, whole.
 *
 * The book also hands out receipt numbers: the insert is the only place a number is used, so they stay gap-free.
 * It is the only writer of `sales` and `stock_movements` on a till (the demo seed aside): a manager's adjustments and
 * stocktakes (electron/core/stock) hand their movements to `insertMovements` too. A sale's payments go
 * through the payment ledger (electron/core/payments/payment-ledger.ts), which owns their life after that.
 */
import type { AuditEventDoc, PaymentDoc, SaleDoc, StockMovementDoc } from '../../../shared/model';
import type { PaymentLedger } from '../payments/payment-ledger';
import type { CoreContext } from '../services/core-context';
import { LocalRecord } from '../services/local-state';

/** What a caller commits: everything but what the book decides (its number in the terminal's sequence). */
export type SaleDraft = Omit<SaleDoc, 'number' | 'seq' | 'terminalId'>;

export interface DerivedDocs {
  payments: PaymentDoc[];
  movements: StockMovementDoc[];
  audit: AuditEventDoc;
}

export const paymentId = (saleId: string, index: number) => `${saleId}-P${index + 1}`;
export const movementId = (saleId: string, index: number) => `${saleId}-S${index + 1}`;
export const auditId = (saleId: string) => `${saleId}-A`;
export const receiptNumber = (terminalId: string, seq: number) => `${terminalId}-${String(seq).padStart(6, '0')}`;

/** A sale takes money in and stock out; a return (positive amounts in its own document) does the opposite. */
export function derivedDocs(sale: SaleDoc): DerivedDocs {
  const sign = sale.kind === 'return' ? -1 : 1;
  const payments = sale.tenders.map<PaymentDoc>((tender, i) => {
    const card = tender.method === 'card';
    const status = tender.forwarding === '' ? 'captured' : tender.forwarding;
    return {
      id: paymentId(sale.id, i),
      saleId: sale.id,
      terminalId: sale.terminalId,
      kind: 'tender',
      method: tender.method,
      amount: sign * tender.amount,
      currency: sale.currency,
      status,
      createdAt: sale.createdAt,
      reference: tender.reference,
      idempotencyKey: tender.idempotencyKey,
      cardBrand: tender.cardBrand,
      cardLast4: tender.cardLast4,
      cardToken: tender.cardToken,
      offline: tender.forwarding !== '',
      originalReference: tender.originalReference,
      contact: tender.contact,
      clerkId: sale.clerkId,
      resolves: '',
      reason: '',
      attempts: card && tender.forwarding !== 'queued' ? 1 : 0,
      updatedAt: sale.createdAt,
      settledAt: status === 'captured' ? sale.createdAt : '',
    };
  });
  const movements = sale.lines.map<StockMovementDoc>((line, i) => ({
    id: movementId(sale.id, i),
    productId: line.productId,
    terminalId: sale.terminalId,
    qtyMilli: -sign * line.qtyMilli,
    reason: sale.kind === 'return' ? 'return' : 'sale',
    refId: sale.id,
    createdAt: sale.createdAt,
    note: '',
    userId: sale.clerkId,
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

export class SaleBook {
  /** Committed sales whose derived documents are not all written yet. */
  private readonly unfinished = new Map<string, SaleDoc>();
  /** The highest seq of this terminal known to be stored. */
  private lastSeq = 0;

  private constructor(
    private readonly ctx: CoreContext,
    private readonly payments: PaymentLedger,
    private readonly later: (work: () => Promise<void>) => void,
  ) {}

  /**
   * Opens the book: completes every sale a crash left without its payments, stock or audit. `later` runs the
   * completion of a new commit after the command that made it has answered (the write queue, so it is done
   * before the next command).
   */
  static async open(ctx: CoreContext, payments: PaymentLedger, later: (work: () => Promise<void>) => void): Promise<SaleBook> {
    const book = new SaleBook(ctx, payments, later);
    await ctx.writes(() => book.reconcile());
    return book;
  }

  /**
   * Numbers the draft and inserts it: when this resolves, the sale has happened (durably). A failure throws and
   * nothing was written. Its payments, stock movements and audit event follow.
   */
  async commit(draft: SaleDraft): Promise<SaleDoc> {
    this.ctx.writes.assertHeld('Committing a sale');
    const seq = await this.nextSeq();
    const sale: SaleDoc = { ...draft, terminalId: this.ctx.terminalId, seq, number: receiptNumber(this.ctx.terminalId, seq) };
    await this.ctx.db.sales.insert(sale);
    this.lastSeq = seq;
    this.unfinished.set(sale.id, sale);
    this.later(() => this.completeUnfinished());
    return sale;
  }

  /**
   * The seq for the next sale or return: the highest stored + 1. Only this terminal's book makes them; sync may bring
   * back sales of this terminal (a store restored from the backend), so the store is asked what lies beyond.
   */
  private async nextSeq(): Promise<number> {
    const beyond = await salesAfter(this.ctx, this.lastSeq);
    for (const doc of beyond) this.lastSeq = Math.max(this.lastSeq, doc.seq);
    return this.lastSeq + 1;
  }

  /** Writes what the committed sales imply; one that fails is logged and tried again after the next commit. */
  private async completeUnfinished(): Promise<void> {
    for (const sale of [...this.unfinished.values()]) {
      try {
        await this.writeMissing([sale]);
        this.unfinished.delete(sale.id);
      } catch (error) {
        this.ctx.log.error('Payments, stock or audit of a sale not written yet; will retry', { saleId: sale.id, error });
      }
    }
  }

  /** Completes every sale of this terminal written since the last check; returns how many needed it. */
  private async reconcile(): Promise<{ checked: number; repaired: number }> {
    const watermark = new LocalRecord<number>(this.ctx, WATERMARK);
    let from = (await watermark.read()) ?? 0;
    let checked = 0;
    let repaired = 0;
    for (;;) {
      const docs = await salesAfter(this.ctx, from, BATCH);
      if (docs.length === 0) break;
      const sales = docs.map((d) => d.toMutableJSON() as SaleDoc);
      try {
        repaired += await this.writeMissing(sales);
      } catch (error) {
        // The till still opens: the books disagree (logged for IT), and this batch is checked again at the next start.
        this.ctx.log.error('Sales could not be completed; checked again when the till next opens', { fromSeq: from, error });
        break;
      }
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
    const saleOf = new Map<string, string>();
    for (const d of derived) {
      for (const p of d.payments) saleOf.set(p.id, p.saleId);
      for (const m of d.movements) saleOf.set(m.id, m.refId);
      saleOf.set(d.audit.id, d.audit.subjectId);
    }
    // Each kind is written even when another fails (a payment that disagrees with its sale must not keep the stock
    // and audit of a whole batch out); the first failure is thrown after.
    const written: string[] = [];
    let failure: unknown = null;
    for (const write of [
      () => this.payments.insertDerived(derived.flatMap((d) => d.payments)),
      () => this.insertMovements(derived.flatMap((d) => d.movements)),
      () => this.ctx.audit.recordOnce(derived.map((d) => d.audit)),
    ]) {
      try {
        written.push(...(await write()));
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
    return new Set(written.map((id) => saleOf.get(id))).size;
  }

  /**
   * Inserts movements with fixed ids in ONE bulk write (one SQLite transaction: all of them or, on a crash, none);
   * one already stored (409) counts as written before. Returns the ids this call wrote.
   */
  async insertMovements(docs: StockMovementDoc[]): Promise<Set<string>> {
    if (docs.length === 0) return new Set();
    const { success, error } = await this.ctx.db.stock_movements.bulkInsert(docs);
    const failed = error.filter((e) => e.status !== 409);
    if (failed.length > 0) throw new Error(`${failed.length} stock movements not written, first ${failed[0]!.documentId} (${failed[0]!.status})`);
    return new Set(success.map((doc) => doc.primary));
  }
}
