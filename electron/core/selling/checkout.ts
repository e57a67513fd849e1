/**
 * Paying for the cart. Order of work: the cart must be the one the clerk saw (revision) and not empty; the tenders
 * are settled by the sale rules (shared/sale/tenders.ts: change, cash rounding); cards are authorized (a decline
 * stops here, nothing is written, earlier cards of a split are voided); then the sale book commits the sale — the
 * one write that makes it happen (sale-book.ts) — and the clerk is answered with a new, empty cart. What follows
 * (payments, stock, audit, the new cart on disk) is written right after, before the next command.
 */
import type { UserSummary } from '../../../shared/api/commands/auth-commands';
import type { CheckoutResult } from '../../../shared/api/commands/selling-commands';
import { TillError } from '../../../shared/api/errors';
import { currencyDigits, minorToDecimal, orThrow } from '../../../shared/money';
import type { SaleDoc, SaleTender } from '../../../shared/model';
import { computeTotals, settleTenders, toSaleAmounts, type SaleTotals, type Settlement, type Tender } from '../../../shared/sale';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import { isoNow } from '../services/core-context';
import { buildReceipt } from './receipts';
import { derivedDocs, paymentId, type SaleDraft } from './sale-book';
import { mutateCart, publishCart, type SellingContext } from './selling-context';
import { toSaleSettings } from './store-settings';
import type { CartState } from './terminal-cart';

export function createCheckoutHandlers(s: SellingContext): HandlerMap<'checkout.pay'> {
  return { 'checkout.pay': (input, call) => mutateCart(s, () => pay(s, input.cartRevision, input.tenders, sessionOf(call).user)) };
}

async function pay(s: SellingContext, cartRevision: number, tenders: Tender[], user: UserSummary): Promise<CheckoutResult> {
  s.mayTakeMoney();
  const state = await payableCart(s, cartRevision);
  const settings = s.settings.current();
  const totals = computeTotals(state.cart, toSaleSettings(settings));
  const settlement = settle(totals, tenders);
  const references = await authorizeCards(s, state.saleId, settlement, totals.currency);
  let sale: SaleDoc;
  try {
    sale = await s.book.commit(saleDraft(s, state, user.id, totals, settlement, references));
  } catch (error) {
    await voidCards(s, references);
    throw error;
  }
  s.cart.startNewAfterSale();
  const { changeDue } = settlement;
  const payload = { number: sale.number, total: sale.total + sale.cashRounding, changeDue, currency: sale.currency };
  s.ctx.push({ channelId: null, message: { event: 'sale.completed', payload } });
  const receipt = buildReceipt(sale, settings, { clerkName: user.displayName, refNumber: '', payments: derivedDocs(sale).payments });
  return { receipt, changeDue };
}

/** The cart the clerk saw, with something in it, and not paid already. */
async function payableCart(s: SellingContext, cartRevision: number): Promise<CartState> {
  const state = s.cart.state;
  if (cartRevision !== state.revision) {
    throw new TillError('CONFLICT', 'The cart changed since it was shown: check the total and take the payment again.');
  }
  if (state.cart.lines.length === 0) throw new TillError('BAD_INPUT', 'The cart is empty: scan an item first.');
  const paidAlready = await s.ctx.db.sales.findOne(state.saleId).exec();
  if (paidAlready) {
    // The sale went in but the cart could not be reset afterwards (e.g. the disk filled up): never sell it twice.
    await s.cart.startNew();
    publishCart(s);
    throw new TillError('CONFLICT', `This cart was paid already (receipt ${paidAlready.number}): the cart is cleared.`);
  }
  return state;
}

function saleDraft(
  s: SellingContext,
  state: CartState,
  clerkId: string,
  totals: SaleTotals,
  settlement: Settlement,
  references: string[],
): SaleDraft {
  return {
    id: state.saleId,
    clerkId,
    createdAt: isoNow(s.ctx),
    kind: 'sale',
    refSaleId: '',
    refLines: [],
    ...toSaleAmounts(totals),
    pricesIncludeTax: totals.pricesIncludeTax,
    taxBreakdown: totals.taxBreakdown.map((row) => ({ ...row })),
    cashRounding: settlement.cashRoundingDelta,
    tenders: settlement.payments.map<SaleTender>((p, i) => ({ ...p, reference: references[i] ?? '' })),
    approvedBy: state.approvedBy,
    status: 'completed',
  };
}

/** A sale of nothing (everything discounted away) takes no payment: cash handed over is all change. */
function settle(totals: { total: number; currency: string; cashRoundingIncrement: number }, tenders: Tender[]): Settlement {
  if (totals.total > 0) return orThrow(settleTenders(totals, tenders));
  if (tenders.some((t) => t.method === 'card')) throw new TillError('BAD_INPUT', 'The sale comes to nothing: there is nothing to pay by card.');
  return { payments: [], changeDue: tenders.reduce((sum, t) => sum + t.amount, 0), cashRoundingDelta: 0 };
}

/** References by settled payment (cash: ''); a decline voids the cards already approved and refuses the sale. */
async function authorizeCards(s: SellingContext, saleId: string, settlement: Settlement, currency: string): Promise<string[]> {
  const references: string[] = [];
  for (const [index, payment] of settlement.payments.entries()) {
    if (payment.method !== 'card') {
      references.push('');
      continue;
    }
    const decision = await s.processor.authorize({ idempotencyKey: paymentId(saleId, index), amount: payment.amount, currency });
    if (!decision.approved) {
      await voidCards(s, references);
      const amount = minorToDecimal(payment.amount, currencyDigits(currency));
      s.ctx.log.info('Card declined', { saleId, amount: payment.amount, reason: decision.reason });
      throw new TillError('PAYMENT_DECLINED', `Card declined for ${amount} ${currency} (${decision.reason}) — ask for another payment. Nothing was charged.`);
    }
    references.push(decision.reference);
  }
  return references;
}

async function voidCards(s: SellingContext, references: string[]): Promise<void> {
  for (const reference of references) {
    if (!reference) continue;
    try {
      await s.processor.voidAuthorization(reference);
    } catch (error) {
      s.ctx.log.error('Could not void a card authorization; the bank releases it when it expires', { reference, error });
    }
  }
}
