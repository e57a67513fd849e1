/**
 * Receipts from sale documents: on screen after checkout, and reprinted from the sales history. Everything comes
 * from the stored sale (lines, tax rates and tenders as they were); the store header is today's.
 */
import type { RxDocument } from 'rxdb';
import type { ReceiptPaymentView, ReceiptView, SaleSummary, StoreSettingsView } from '../../../shared/api/commands/selling-commands';
import { TillError } from '../../../shared/api/errors';
import type { PaymentDoc, SaleDoc } from '../../../shared/model';
import { distinctPayments, settlementOf } from '../../../shared/payments/settlement';
import type { CoreContext } from '../services/core-context';
import { derivedDocs } from './sale-book';

export interface ReceiptParts {
  clerkName: string;
  refNumber: string;
  /** Every payment document of the sale as it stands (at checkout: those derived from it). */
  payments: PaymentDoc[];
}

/** "Visa •••• 4242", or '' for a payment without a card. */
export function cardLabel(payment: Pick<PaymentDoc, 'cardBrand' | 'cardLast4'>): string {
  return payment.cardLast4 ? `${payment.cardBrand} \u2022\u2022\u2022\u2022 ${payment.cardLast4}`.trim() : '';
}

function paymentView(p: PaymentDoc): ReceiptPaymentView {
  return { method: p.method, amount: p.amount, status: p.status, card: cardLabel(p), offline: p.offline };
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
    store: { name: store.storeName, address: store.storeAddress, taxId: store.storeTaxId, header: store.receiptHeader, footer: store.receiptFooter },
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
    payments: distinctPayments(parts.payments).map(paymentView),
    tendered,
    changeDue: tendered - sale.tenders.reduce((sum, t) => sum + t.amount, 0),
    settlement: settlementOf(sale, parts.payments).state,
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

  /**
   * A stored sale's receipt, with its payments as stored now (a queued card payment shows as queued, a collection
   * for a declined one shows too). Until the sale book has written them, they are what the sale implies.
   */
  async receipt(sale: SaleDoc): Promise<ReceiptView> {
    const stored = await this.paymentsOf([sale.id]);
    const payments = stored.length > 0 ? stored : derivedDocs(sale).payments;
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
    const payments = await this.paymentsOf(docs.map((d) => d.id));
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
        settlement: settlementOf(d, payments).state,
      })),
    );
  }

  private async paymentsOf(saleIds: string[]): Promise<PaymentDoc[]> {
    if (saleIds.length === 0) return [];
    return (await this.ctx.db.payments.find({ selector: { saleId: { $in: saleIds } } }).exec()).map((d) => d.toMutableJSON() as PaymentDoc);
  }
}
