/** Test helper: a stored sale document with plain defaults (terminal T1, EUR, no lines, nothing paid); tests set what matters. */
import type { SaleDoc } from '../../../../shared/model';

export function saleDoc(more: Partial<SaleDoc> = {}): SaleDoc {
  return {
    id: 'T1-SALE',
    number: 'T1-000001',
    seq: 1,
    terminalId: 'T1',
    clerkId: 'DEMO-U1',
    createdAt: '2026-11-28T10:00:00.000Z',
    kind: 'sale',
    refSaleId: '',
    refLines: [],
    currency: 'EUR',
    pricesIncludeTax: true,
    lines: [],
    subtotal: 0,
    discountTotal: 0,
    taxTotal: 0,
    total: 0,
    taxBreakdown: [],
    cashRounding: 0,
    tenders: [],
    approvedBy: '',
    status: 'completed',
    ...more,
  };
}
