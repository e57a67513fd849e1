/**
 * Test helper: random but valid sale and return documents of several terminals — several tax rates, line and sale
 * discounts, weighed items, split tenders with cash rounding, returns of whole lines — spread over the days of a
 * month. Amounts come from the real sale rules (computeTotals, settleTenders), so they add up as a till's do.
 */
import { createSeededRandom, type SeededRandom } from '../../catalog/seeded-random';
import type { SaleDoc, SaleLine, SaleTaxRow, TaxClass } from '../../model';
import { computeTotals, settleTenders, toSaleAmounts, type CartLine, type Discount, type SaleSettings, type Tender } from '../../sale';
import { TEST_CARDS } from '../../payments/processor-api';
import { cardTender, cashTender } from '../../sale/sale-tender';

export const RANDOM_SALE_SETTINGS: SaleSettings = {
  currency: 'EUR',
  pricesIncludeTax: true,
  taxRates: { standard: 1900, reduced: 700, zero: 0 },
  taxRounding: 'per-line',
  cashRoundingIncrement: 5,
  clerkDiscountLimitBp: 10_000,
};

export interface RandomSalesOptions {
  seed: number;
  count: number;
  terminals?: string[];
  clerks?: string[];
  /** First day (local) of the month the sales fall in. */
  month?: { year: number; month: number };
  days?: number;
  products?: number;
  /** Share of documents that are returns of an earlier sale. */
  returnShare?: number;
}

const CLASSES: TaxClass[] = ['standard', 'reduced', 'zero'];

function randomDiscount(random: SeededRandom, limit: number): Discount | undefined {
  if (!random.chance(0.2)) return undefined;
  return random.chance(0.5) ? { kind: 'percent', bp: random.between(100, 3000) } : { kind: 'amount', minor: random.between(1, Math.max(1, limit)) };
}

/** Documents in the order they were made (createdAt ascending per terminal, not overall). */
export function randomSales(options: RandomSalesOptions): SaleDoc[] {
  const random = createSeededRandom(options.seed);
  const terminals = options.terminals ?? ['T1', 'T2', 'T3'];
  const clerks = options.clerks ?? ['U-CLARA', 'U-CARL', 'U-MARIA'];
  const { year, month } = options.month ?? { year: 2026, month: 3 };
  const days = options.days ?? 28;
  const productCount = options.products ?? 40;
  const seqs = new Map<string, number>();
  const docs: SaleDoc[] = [];
  const settingsFor = (pricesIncludeTax: boolean): SaleSettings => ({ ...RANDOM_SALE_SETTINGS, pricesIncludeTax });

  for (let i = 0; i < options.count; i++) {
    const terminalId = random.pick(terminals);
    const seq = (seqs.get(terminalId) ?? 0) + 1;
    seqs.set(terminalId, seq);
    const at = new Date(year, month - 1, 1 + random.int(days), random.between(6, 21), random.int(60), random.int(60), random.int(1000));
    const base = {
      id: `${terminalId}-R${String(i).padStart(6, '0')}`,
      number: `${terminalId}-${String(seq).padStart(6, '0')}`,
      seq,
      terminalId,
      clerkId: random.pick(clerks),
      createdAt: at.toISOString(),
      approvedBy: '',
      status: random.chance(0.02) ? ('voided' as const) : ('completed' as const),
    };
    const earlier = docs.filter((d) => d.kind === 'sale' && d.lines.length > 0 && d.createdAt <= base.createdAt);
    if (earlier.length > 0 && random.chance(options.returnShare ?? 0.12)) {
      docs.push(returnOf(random.pick(earlier), base, random));
      continue;
    }
    const lines: CartLine[] = [];
    const lineCount = random.between(1, 5);
    for (let l = 0; l < lineCount; l++) {
      const p = random.int(productCount);
      const weighed = p % 7 === 0;
      lines.push({
        lineId: `L${l}`,
        productId: `P${String(p).padStart(4, '0')}`,
        sku: `SKU${p}`,
        name: `Product ${p}`,
        unit: weighed ? 'kg' : 'piece',
        unitPrice: 50 + ((p * 137) % 2000),
        qtyMilli: weighed ? random.between(50, 2500) : 1000 * random.between(1, 4),
        taxClass: CLASSES[p % 3]!,
        ...(random.chance(0.15) ? { discount: randomDiscount(random, 50) } : {}),
      } as CartLine);
    }
    const pricesIncludeTax = random.chance(0.85);
    const settings = settingsFor(pricesIncludeTax);
    const cartDiscount = randomDiscount(random, 100);
    const totals = computeTotals(cartDiscount ? { lines, discount: cartDiscount } : { lines }, settings);
    const tenders: Tender[] = [];
    const kind = random.int(3);
    if (totals.total > 0) {
      if (kind === 0) tenders.push({ method: 'cash', amount: totals.cashTotal + random.int(500) });
      else if (kind === 1) tenders.push({ method: 'card', amount: totals.total });
      else {
        const card = random.between(1, totals.total);
        tenders.push({ method: 'card', amount: card });
        if (card < totals.total) tenders.push({ method: 'cash', amount: totals.total - card + 100 });
      }
    }
    const settled = totals.total > 0 ? settleTenders(totals, tenders) : null;
    if (settled && !settled.ok) throw new Error(settled.error.message);
    const settlement = settled?.ok ? settled.value : { payments: [], cashRoundingDelta: 0 };
    docs.push({
      ...base,
      kind: 'sale',
      refSaleId: '',
      refLines: [],
      ...toSaleAmounts(totals),
      pricesIncludeTax,
      taxBreakdown: totals.taxBreakdown.map((r) => ({ ...r })),
      cashRounding: settlement.cashRoundingDelta,
      tenders: settlement.payments.map((p) => (p.method === 'card' ? cardTender(p.amount, TEST_CARDS.approve, { idempotencyKey: `AUTH-${i}`, reference: `AUTH-${i}`, forwarding: '' }) : cashTender(p.amount, p.tendered))),
    });
  }
  return docs;
}

/** A return of some whole lines of `sale`, refunded in cash (rounded to 5) or to the card. */
function returnOf(sale: SaleDoc, base: Omit<SaleDoc, 'kind' | 'refSaleId' | 'refLines' | 'currency' | 'pricesIncludeTax' | 'lines' | 'subtotal' | 'discountTotal' | 'taxTotal' | 'total' | 'taxBreakdown' | 'cashRounding' | 'tenders'>, random: SeededRandom): SaleDoc {
  const picked = sale.lines.map((_, i) => i).filter(() => random.chance(0.6));
  const refLines = picked.length > 0 ? picked : [0];
  const lines: SaleLine[] = refLines.map((i) => ({ ...sale.lines[i]! }));
  const sum = (f: (l: SaleLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  const total = sum((l) => l.lineTotal);
  const rows: SaleTaxRow[] = [];
  for (const taxClass of CLASSES) {
    const of = lines.filter((l) => l.taxClass === taxClass);
    if (of.length === 0) continue;
    const tax = of.reduce((s, l) => s + l.tax, 0);
    const amount = of.reduce((s, l) => s + l.lineTotal, 0);
    const rateBp = sale.taxBreakdown.find((r) => r.taxClass === taxClass)?.rateBp ?? 0;
    rows.push({ taxClass, rateBp, base: amount - tax, tax });
  }
  const toCard = sale.tenders.some((t) => t.method === 'card') && random.chance(0.5);
  const cash = Math.round(total / 5) * 5;
  return {
    ...base,
    kind: 'return',
    refSaleId: sale.id,
    refLines,
    currency: sale.currency,
    pricesIncludeTax: sale.pricesIncludeTax,
    lines,
    subtotal: sum((l) => l.lineTotal - (sale.pricesIncludeTax ? 0 : l.tax) + l.discount),
    discountTotal: sum((l) => l.discount),
    taxTotal: sum((l) => l.tax),
    total,
    taxBreakdown: rows,
    cashRounding: toCard || total === 0 ? 0 : cash - total,
    tenders: total === 0 ? [] : toCard ? [cardTender(total, TEST_CARDS.approve, { idempotencyKey: `REF-${base.id}`, reference: `REF-${base.id}`, forwarding: '' })] : [cashTender(cash)],
  };
}
