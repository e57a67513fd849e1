/**
 * Every amount of a sale, derived from the cart and the store's settings. The main process computes this; the
 * screen only shows it. Order of work, each step rounded as its module says:
 *   gross (line-gross.ts) → line discount → sale discount shared over lines by their remaining amount (largest
 *   remainder) → net → tax (tax-split.ts) → line total → cash rounding of the total (money/cash-rounding.ts).
 * Everything is summed from the lines, so Σ line totals = total and Σ breakdown tax = taxTotal by construction.
 */
import { allocate } from '../money/allocate';
import { roundCash } from '../money/cash-rounding';
import { assertMinor } from '../money/minor-units';
import { TAX_CLASSES, type CurrencyCode, type TaxClass } from '../model';
import type { Cart, CartLine } from './cart';
import { assertCart } from './cart-check';
import { discountAmount } from './discount';
import { lineGross } from './line-gross';
import { assertSaleSettings, type SaleSettings } from './settings';
import { lineTaxes } from './tax-split';

export interface LineTotals {
  line: CartLine;
  rateBp: number;
  /** unitPrice × quantity, rounded. */
  gross: number;
  /** This line's own discount. */
  lineDiscount: number;
  /** This line's part of the sale discount. */
  cartDiscountShare: number;
  /** gross − both discounts. Tax is inside it when prices include tax. */
  net: number;
  tax: number;
  /** What the customer pays for the line: net, plus tax when prices exclude tax. */
  lineTotal: number;
}

export interface TaxBreakdownRow {
  taxClass: TaxClass;
  rateBp: number;
  /** The amount of the lines of this class excluding tax. */
  base: number;
  tax: number;
}

export interface SaleTotals {
  currency: CurrencyCode;
  pricesIncludeTax: boolean;
  lines: LineTotals[];
  /** Σ gross. */
  subtotal: number;
  /** The sale discount actually applied (after capping at what the lines come to). */
  cartDiscount: number;
  /** Σ line discounts + sale discount. */
  discountTotal: number;
  taxTotal: number;
  /** What the customer pays by card; Σ line totals. */
  total: number;
  /** One row per tax class present, in TAX_CLASSES order. */
  taxBreakdown: TaxBreakdownRow[];
  cashRoundingIncrement: number;
  /** What the customer pays when all of it is cash. */
  cashTotal: number;
  /** cashTotal − total: the rounding printed on a cash receipt. */
  cashRoundingDelta: number;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Throws TillError('BAD_INPUT') on settings or a cart that the cart operations would have refused. */
export function computeTotals(cart: Cart, settings: SaleSettings): SaleTotals {
  assertSaleSettings(settings);
  assertCart(cart);

  const grosses = cart.lines.map((l) => lineGross(l.unitPrice, l.qtyMilli));
  const lineDiscounts = cart.lines.map((l, i) => discountAmount(l.discount, grosses[i]!));
  const afterLineDiscounts = grosses.map((g, i) => g - lineDiscounts[i]!);
  const cartDiscount = discountAmount(cart.discount, sum(afterLineDiscounts));
  // Shares are ≤ each weight because the discount is ≤ the sum of weights, so no net goes negative.
  const shares = cartDiscount === 0 ? grosses.map(() => 0) : allocate(cartDiscount, afterLineDiscounts);
  const nets = afterLineDiscounts.map((a, i) => a - shares[i]!);
  const taxes = lineTaxes(
    cart.lines.map((l, i) => ({ taxClass: l.taxClass, net: nets[i]! })),
    settings,
  );

  const lines: LineTotals[] = cart.lines.map((line, i) => {
    const net = nets[i]!;
    const tax = taxes[i]!;
    return {
      line,
      rateBp: settings.taxRates[line.taxClass],
      gross: grosses[i]!,
      lineDiscount: lineDiscounts[i]!,
      cartDiscountShare: shares[i]!,
      net,
      tax,
      lineTotal: settings.pricesIncludeTax ? net : net + tax,
    };
  });

  const total = sum(lines.map((l) => l.lineTotal));
  assertMinor(total, 'The sale total');
  const cashTotal = roundCash(total, settings.cashRoundingIncrement);
  return {
    currency: settings.currency,
    pricesIncludeTax: settings.pricesIncludeTax,
    lines,
    subtotal: sum(grosses),
    cartDiscount,
    discountTotal: sum(lineDiscounts) + cartDiscount,
    taxTotal: sum(taxes),
    total,
    taxBreakdown: taxBreakdown(lines, settings),
    cashRoundingIncrement: settings.cashRoundingIncrement,
    cashTotal,
    cashRoundingDelta: cashTotal - total,
  };
}

function taxBreakdown(lines: readonly LineTotals[], settings: SaleSettings): TaxBreakdownRow[] {
  const rows: TaxBreakdownRow[] = [];
  for (const taxClass of TAX_CLASSES) {
    const ofClass = lines.filter((l) => l.line.taxClass === taxClass);
    if (ofClass.length === 0) continue;
    const tax = sum(ofClass.map((l) => l.tax));
    const net = sum(ofClass.map((l) => l.net));
    rows.push({ taxClass, rateBp: settings.taxRates[taxClass], base: settings.pricesIncludeTax ? net - tax : net, tax });
  }
  return rows;
}
