/**
 * Test helper: a completed cash sale as checkout writes it — the sale, then its payment, stock movements and audit
 * event derived by the selling code itself — written straight into a till's store.
 */
import type { AuditEventDoc, PaymentDoc, ProductDoc, SaleDoc, StockMovementDoc } from '../../../../shared/model';
import { derivedDocs } from '../../selling/sale-book';
import { saleDoc } from '../../selling/test-support/sale-doc';
import { cashTender } from '../../../../shared/sale/sale-tender';
import type { RemoteTill } from './remote-till';

export interface SaleBundle {
  sale: SaleDoc;
  payments: PaymentDoc[];
  movements: StockMovementDoc[];
  audit: AuditEventDoc;
}

export function makeSale(options: {
  id: string;
  terminalId: string;
  seq: number;
  at: string;
  products: Pick<ProductDoc, 'id' | 'sku' | 'name' | 'price'>[];
}): SaleBundle {
  const lines = options.products.map((p, i) => ({
    productId: p.id,
    sku: p.sku,
    name: p.name,
    qtyMilli: 1000 * (1 + (i % 3)),
    unitPrice: p.price,
    discount: 0,
    tax: 0,
    lineTotal: p.price * (1 + (i % 3)),
    taxClass: 'standard' as const,
    unit: 'piece' as const,
  }));
  const total = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  const sale = saleDoc({
    id: options.id,
    number: `${options.terminalId}-${String(options.seq).padStart(6, '0')}`,
    seq: options.seq,
    terminalId: options.terminalId,
    createdAt: options.at,
    lines,
    subtotal: total,
    total,
    taxBreakdown: [{ taxClass: 'standard', rateBp: 0, base: total, tax: 0 }],
    tenders: [cashTender(total)],
  });
  // Derived exactly as checkout derives them (electron/core/selling/sale-book.ts).
  const { payments, movements, audit } = derivedDocs(sale);
  return { sale, payments, movements, audit };
}

/** Writes sales into a till's store as checkout would: each sale with its payment and stock movements. */
export async function writeSales(till: RemoteTill, bundles: SaleBundle[]): Promise<void> {
  await till.insert('sales', bundles.map((b) => b.sale));
  await till.insert('payments', bundles.flatMap((b) => b.payments));
  await till.insert('stock_movements', bundles.flatMap((b) => b.movements));
  await till.insert('audit_events', bundles.map((b) => b.audit));
}

/** Stock on hand per product from a list of movements. */
export function ledger(movements: readonly object[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of movements as { productId?: unknown; qtyMilli?: unknown }[]) out[String(m.productId)] = (out[String(m.productId)] ?? 0) + Number(m.qtyMilli);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
