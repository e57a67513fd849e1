/**
 * The quick-cash buttons: the exact cash total, then the next round amounts a customer is likely to hand over
 * (the next multiple of 5, 10, 20 and 50 major units above it). Integers throughout: no float, no rounding error.
 */
import { roundCash } from '../../../shared/money';

const DENOMINATIONS = [5, 10, 20, 50, 100] as const;

export function quickCashAmounts(cashTotal: number, currencyDigits: number, max = 5): number[] {
  if (!Number.isSafeInteger(cashTotal) || cashTotal <= 0) return [];
  const major = 10 ** currencyDigits;
  const amounts = [cashTotal];
  for (const note of DENOMINATIONS) {
    const step = note * major;
    const next = (Math.floor(cashTotal / step) + 1) * step;
    if (!amounts.includes(next)) amounts.push(next);
  }
  return amounts.sort((a, b) => a - b).slice(0, max);
}

/**
 * What is still open after the tenders typed so far: a guide for the clerk filling in a split payment. The till
 * service settles the tenders itself (cash rounding, change); this is only integer subtraction.
 */
export function stillToPay(total: number, tenders: readonly number[]): number {
  return Math.max(0, tenders.reduce((open, amount) => open - amount, total));
}

/**
 * What "Rest" puts into one tender of a split: what the others leave open. A cash tender paid last is rounded
 * the way the till will settle it (shared/money's roundCash, shared/sale/tenders.ts), so the guide never asks for
 * an amount the till would refuse.
 */
export function restFor(total: number, others: readonly number[], finalCash: boolean, cashIncrement: number): number {
  const open = stillToPay(total, others);
  return finalCash ? roundCash(open, cashIncrement) : open;
}
