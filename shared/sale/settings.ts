/** How a store prices and rounds: one of these per store, read by every totals calculation. */
import { TillError } from '../api/errors';
import { currencyDigits } from '../money/minor-units';
import { TAX_CLASSES, type CurrencyCode, type TaxClass } from '../model';

export const TAX_ROUNDINGS = ['per-line', 'per-total'] as const;
export type TaxRounding = (typeof TAX_ROUNDINGS)[number];

/** Basis points: 1 % = 100 bp, 100 % = 10,000 bp. */
export const FULL_BP = 10_000;

export interface SaleSettings {
  currency: CurrencyCode;
  /** True where shelf prices include tax (EU retail); false where tax is added at the till (US). */
  pricesIncludeTax: boolean;
  /** Tax rate per tax class in basis points (19 % = 1900). */
  taxRates: Record<TaxClass, number>;
  /** Round tax on each line, or once per rate on the whole sale (then shared back to lines). */
  taxRounding: TaxRounding;
  /** Minor units that cash is rounded to: 1 = none, 5 = 0.05, 10 = 0.10. */
  cashRoundingIncrement: number;
  /** The largest discount a clerk may give without a manager, in bp of the amount it applies to. */
  clerkDiscountLimitBp: number;
}

function bad(message: string): never {
  throw new TillError('BAD_INPUT', message);
}

/** Checked when settings are saved, and by computeTotals, so a mistyped setting cannot produce odd totals. */
export function assertSaleSettings(settings: SaleSettings): void {
  currencyDigits(settings.currency);
  if (typeof settings.pricesIncludeTax !== 'boolean') bad('Choose whether prices include tax.');
  for (const taxClass of TAX_CLASSES) {
    const rate = settings.taxRates[taxClass];
    // A VAT/sales-tax rate above 100 % does not exist; the cap also bounds every amount the till can compute.
    if (!Number.isInteger(rate) || rate < 0 || rate > FULL_BP) bad(`The ${taxClass} tax rate must be 0–100 %.`);
  }
  if (!(TAX_ROUNDINGS as readonly string[]).includes(settings.taxRounding)) bad('Tax rounding must be per line or per total.');
  const increment = settings.cashRoundingIncrement;
  if (!Number.isInteger(increment) || increment < 1 || increment > 100) bad('Cash rounding must be 1–100 minor units.');
  const limit = settings.clerkDiscountLimitBp;
  if (!Number.isInteger(limit) || limit < 0 || limit > FULL_BP) bad('The clerk discount limit must be 0–100 %.');
}
