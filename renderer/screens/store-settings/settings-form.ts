/**
 * The store settings form as text, and back: percentages and money are typed as decimals and read with shared/money's
 * integer parser (no float holds them). Only the shape is judged here; the core checks the rules and says what is wrong.
 */
import type { StoreSettingsView } from '../../../shared/api/contract';
import { currencyDigits, isIsoCurrency, minorToDecimal, parseMoneyInput } from '../../../shared/money';
import type { TaxClass } from '../../../shared/model';

export interface SettingsForm {
  storeName: string;
  storeAddress: string;
  storeTaxId: string;
  receiptHeader: string;
  receiptFooter: string;
  currency: string;
  pricesIncludeTax: boolean;
  taxRounding: 'per-line' | 'per-total';
  taxRates: Record<TaxClass, string>;
  cashRoundingIncrement: string;
  clerkDiscountLimit: string;
}

export type SettingsChanges = Pick<
  StoreSettingsView,
  'storeName' | 'storeAddress' | 'storeTaxId' | 'receiptHeader' | 'receiptFooter' | 'currency' | 'pricesIncludeTax' | 'taxRounding' | 'taxRates' | 'cashRoundingIncrement' | 'clerkDiscountLimitBp'
>;

const percentText = (bp: number) => minorToDecimal(bp, 2).replace(/\.?0+$/, '');

export function toForm(view: StoreSettingsView): SettingsForm {
  return {
    storeName: view.storeName,
    storeAddress: view.storeAddress,
    storeTaxId: view.storeTaxId,
    receiptHeader: view.receiptHeader,
    receiptFooter: view.receiptFooter,
    currency: view.currency,
    pricesIncludeTax: view.pricesIncludeTax,
    taxRounding: view.taxRounding,
    taxRates: { standard: percentText(view.taxRates.standard), reduced: percentText(view.taxRates.reduced), zero: percentText(view.taxRates.zero) },
    cashRoundingIncrement: minorToDecimal(view.cashRoundingIncrement, currencyDigits(view.currency)),
    clerkDiscountLimit: percentText(view.clerkDiscountLimitBp),
  };
}

/** "19" or "12,5" → basis points (1900, 1250): 0–100 % with at most two decimals. */
export function parsePercentText(text: string, label: string): { ok: true; value: number } | { ok: false; message: string } {
  const parsed = parseMoneyInput(text.replace('%', ''), 2);
  if (!parsed.ok) return { ok: false, message: `${label}: type a percentage like 19 or 12.5 (at most two decimals).` };
  if (parsed.value > 10_000) return { ok: false, message: `${label}: at most 100 %.` };
  return { ok: true, value: parsed.value };
}

export function fromForm(form: SettingsForm): { ok: true; changes: SettingsChanges } | { ok: false; message: string } {
  const currency = form.currency.trim().toUpperCase();
  if (!isIsoCurrency(currency)) return { ok: false, message: `Currency: "${form.currency}" is not an ISO 4217 code like EUR.` };
  const rates = {} as Record<TaxClass, number>;
  for (const [taxClass, label] of [['standard', 'Standard tax rate'], ['reduced', 'Reduced tax rate'], ['zero', 'Zero tax rate']] as const) {
    const rate = parsePercentText(form.taxRates[taxClass], label);
    if (!rate.ok) return rate;
    rates[taxClass] = rate.value;
  }
  const limit = parsePercentText(form.clerkDiscountLimit, 'Clerk discount limit');
  if (!limit.ok) return limit;
  const increment = parseMoneyInput(form.cashRoundingIncrement, currencyDigits(currency));
  if (!increment.ok) return { ok: false, message: `Cash rounding: ${increment.error.message}` };
  return {
    ok: true,
    changes: {
      storeName: form.storeName,
      storeAddress: form.storeAddress,
      storeTaxId: form.storeTaxId,
      receiptHeader: form.receiptHeader,
      receiptFooter: form.receiptFooter,
      currency,
      pricesIncludeTax: form.pricesIncludeTax,
      taxRounding: form.taxRounding,
      taxRates: rates,
      cashRoundingIncrement: increment.value,
      clerkDiscountLimitBp: limit.value,
    },
  };
}
