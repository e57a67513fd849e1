/**
 * Splitting what the customer owes over the tenders they hand over, in the order given.
 *
 * Rules (each refusal is a message for the clerk):
 * - Every tender is a whole amount above zero.
 * - A card pays at most what is left: a card is charged exactly, it never gives change.
 * - CASH ROUNDING APPLIES ONLY WHEN THE FINAL TENDER IS CASH: that tender settles the rest, rounded to the cash
 *   increment (money/cash-rounding.ts); anything above it is change. When a card pays last, no rounding happens,
 *   so the card is charged to the minor unit.
 * - Cash before the final tender pays what it covers; cash beyond what is left is change — but any tender after
 *   the sale is paid is refused, so that only happens with cash last.
 * - The tenders must cover the amount due; a sale of zero needs no tender.
 */
import { currencyDigits, minorToDecimal } from '../money/minor-units';
import { roundCash } from '../money/cash-rounding';
import { attempt, type Outcome } from '../money/outcome';
import { TillError } from '../api/errors';
import { TENDER_METHODS, type TenderMethod } from '../model';
import type { SaleTotals } from './totals';

export type { TenderMethod };

export interface Tender {
  method: TenderMethod;
  amount: number;
}

export interface SettledPayment {
  method: TenderMethod;
  /** What the sale keeps from this tender: the PaymentDoc amount. */
  amount: number;
  /** What the customer handed over (cash may be more than `amount`). */
  tendered: number;
}

export interface Settlement {
  /** Tenders that pay something, in order; a cash tender whose rounded share is zero is all change and absent. */
  payments: SettledPayment[];
  changeDue: number;
  /** Σ payments − total: non-zero only when cash paid last and was rounded. */
  cashRoundingDelta: number;
}

export function settleTenders(totals: Pick<SaleTotals, 'total' | 'currency' | 'cashRoundingIncrement'>, tenders: readonly Tender[]): Outcome<Settlement> {
  return attempt(() => {
    const digits = currencyDigits(totals.currency);
    const show = (minor: number): string => minorToDecimal(minor, digits);
    const bad = (message: string): never => {
      throw new TillError('BAD_INPUT', message);
    };

    let remaining = totals.total;
    let changeDue = 0;
    let cashRoundingDelta = 0;
    const payments: SettledPayment[] = [];
    tenders.forEach((tender, index) => {
      const { method, amount } = tender;
      if (!(TENDER_METHODS as readonly string[]).includes(method)) bad(`Unknown payment method "${String(method)}".`);
      if (!Number.isSafeInteger(amount) || amount <= 0) bad('Each payment must be an amount above zero.');
      if (remaining === 0) bad('The sale is already paid: remove the extra payment.');

      if (method === 'card') {
        if (amount > remaining) bad(`The card amount ${show(amount)} is more than the ${show(remaining)} left to pay.`);
        payments.push({ method, amount, tendered: amount });
        remaining -= amount;
        return;
      }
      const isFinal = index === tenders.length - 1;
      const due = isFinal ? roundCash(remaining, totals.cashRoundingIncrement) : remaining;
      if (isFinal && amount < due) bad(`Cash ${show(amount)} does not cover the ${show(due)} left to pay.`);
      const kept = Math.min(amount, due);
      if (kept > 0) payments.push({ method, amount: kept, tendered: amount });
      changeDue += amount - kept;
      if (isFinal) cashRoundingDelta = due - remaining;
      remaining = kept === due ? 0 : remaining - kept;
    });
    if (remaining > 0) bad(`${show(remaining)} is still to pay.`);
    return { payments, changeDue, cashRoundingDelta };
  });
}
