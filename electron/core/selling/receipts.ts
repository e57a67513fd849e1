/**
 * Receipts from sale documents: on screen after checkout, and reprinted from the sales history. Everything comes
 * from the stored sale (lines, tax rates and tenders as they were); the store header is today's.
 */
import type { RxDocument } from 'rxdb';
import type { ReceiptView, SaleSummary, StoreSettingsView } from '../../../shared/api/commands/selling-commands';
import { TillError } from '../../../shared/api/errors';
import type { PaymentDoc, SaleDoc } from '../../../shared/model';
import type { CoreContext } from '../services/core-context';
import { paymentId } from './sale-book';

export interface ReceiptParts {
  clerkName: string;
  refNumber: string;
  payments: Pick<PaymentDoc, 'method' | 'amount' | 'status'>[];
}

export function buildReceipt(sale: SaleDoc, store: StoreSettingsView, parts: ReceiptParts): ReceiptView {
  const tendered = sale.tenders.reduce((sum, t) => sum + t.tendered, 0);
  return {
    saleId: sale.id,
    number: sale.number,
    kind: sale.kind,
    refNumber: parts.refNumber,
    terminalId: sale.terminalId,
    clerkName: parts.clerkName,
    createdAt: sale.createdAt,
    currency: sale.currency,
    store: { name: store.storeName, address: store.storeAddress, taxId: store.storeTaxId },
    lines: sale.lines.map((l) => ({
      name: l.name,
      sku: l.sku,
      qtyMilli: l.qtyMilli,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discount: l.discount,
      lineTotal: l.lineTotal,
      taxClass: l.taxClass,
    })),
    subtotal: sale.subtotal,
    discountTotal: sale.discountTotal,
    taxTotal: sale.taxTotal,
    total: sale.total,
    cashRounding: sale.cashRounding,
    taxBreakdown: sale.taxBreakdown.map((row) => ({ ...row })),
    payments: parts.payments.map(({ method, amount, status }) => ({ method, amount, status })),
    tendered,
    changeDue: tendered - sale.tenders.reduce((sum, t) => sum + t.amount, 0),
  };
}

const DAY_MS = 86_400_000;

export class ReceiptBook {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly store: () => StoreSettingsView,
  ) {}

  async clerkName(userId: string): Promise<string> {
    const known = this.names.get(userId);
    if (known !== undefined) return known;
    const user = await this.ctx.db.users.findOne(userId).exec();
    const name = user?.displayName ?? userId;
    this.names.set(userId, name);
    return name;
  }

  /** A stored sale's receipt, with its payments as stored now (a queued card payment shows as queued). */
  async receipt(sale: SaleDoc): Promise<ReceiptView> {
    const ids = sale.tenders.map((_, i) => paymentId(sale.id, i));
    const stored = await this.ctx.db.payments.findByIds(ids).exec();
    const sign = sale.kind === 'return' ? -1 : 1;
    const payments = sale.tenders.map((t, i) => {
      const doc = stored.get(ids[i]!);
      return doc ? { method: doc.method, amount: doc.amount, status: doc.status } : { method: t.method, amount: sign * t.amount, status: 'captured' as const };
    });
    const ref = sale.refSaleId ? await this.ctx.db.sales.findOne(sale.refSaleId).exec() : null;
    return buildReceipt(sale, this.store(), { clerkName: await this.clerkName(sale.clerkId), refNumber: ref?.number ?? '', payments });
  }

  async byNumber(number: string): Promise<SaleDoc> {
    const doc = await this.ctx.db.sales.findOne({ selector: { number } }).exec();
    if (!doc) throw new TillError('NOT_FOUND', `No receipt ${number} on this till.`);
    return doc.toMutableJSON() as SaleDoc;
  }

  /**
   * The latest sales of all terminals, newest first. RxDB sorts a `desc` query in memory over everything it
   * matches, so this reads forward through a growing window of recent days until it has enough.
   */
  async recent(limit: number): Promise<SaleSummary[]> {
    let docs: RxDocument<SaleDoc>[] = [];
    for (const days of [1, 7, 31, 366, Infinity]) {
      const since = days === Infinity ? '' : new Date(this.ctx.now() - days * DAY_MS).toISOString();
      docs = await this.ctx.db.sales.find({ selector: { createdAt: { $gte: since } }, sort: [{ createdAt: 'asc' }] }).exec();
      if (docs.length >= limit) break;
    }
    docs = docs.slice(-limit).reverse();
    return Promise.all(
      docs.map(async (d) => ({
        saleId: d.id,
        number: d.number,
        kind: d.kind,
        terminalId: d.terminalId,
        clerkName: await this.clerkName(d.clerkId),
        createdAt: d.createdAt,
        total: d.total,
        currency: d.currency,
      })),
    );
  }
}
