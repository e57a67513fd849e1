/**
 * Paying for the cart. Order of work: the cart must be the one the clerk saw (revision) and not empty; the tenders
 * are settled by the sale rules (shared/sale/tenders.ts: change, cash rounding); the money sequence (take-money.ts,
 * shared with returns) takes the cards one by one (online, or offline within the store's caps; a decline stops
 * there, nothing is written, and the cards already taken are cancelled) and has the sale book commit the sale — the
 * one write that makes it happen (sale-book.ts) — and the clerk is answered with a new, empty cart. What follows
 * (payments, stock, audit, the new cart on disk) is written right after, before the next command.
 */
import type { UserSummary } from '../../../shared/api/commands/auth-commands';
import type { CheckoutResult } from '../../../shared/api/commands/selling-commands';
import { TillError } from '../../../shared/api/errors';
import { orThrow } from '../../../shared/money';
import type { SaleTender } from '../../../shared/model';
import type { TestCardName } from '../../../shared/payments/processor-api';
import { computeTotals, settleTenders, toSaleAmounts, type SaleTotals, type Settlement, type Tender } from '../../../shared/sale';
import { cardTender, cashTender } from '../../../shared/sale/sale-tender';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import { isoNow } from '../services/core-context';
import { buildReceipt } from './receipts';
import { derivedDocs, paymentId, type SaleDraft } from './sale-book';
import { takeMoneyAndCommit, type MoneyStep } from '../payments/take-money';
import { mutateCart, publishCart, type SellingContext } from './selling-context';
import { toSaleSettings } from './store-settings';
import type { CartState } from './terminal-cart';

export function createCheckoutHandlers(s: SellingContext): HandlerMap<'checkout.pay'> {
  return { 'checkout.pay': (input, call) => mutateCart(s, () => pay(s, input.cartRevision, input.tenders, sessionOf(call).user)) };
}

/** A tender as the screen sends it: cards may name the simulated reader's test card and a customer contact. */
type TenderInput = Tender & { testCard?: TestCardName; contact?: string };

async function pay(s: SellingContext, cartRevision: number, tenders: TenderInput[], user: UserSummary): Promise<CheckoutResult> {
  s.mayTakeMoney();
  const state = await payableCart(s, cartRevision);
  const settings = s.settings.current();
  const totals = computeTotals(state.cart, toSaleSettings(settings));
  const settlement = settle(totals, tenders);
  const sale = await takeMoneyAndCommit(s, state.saleId, moneySteps(s, state.saleId, settlement, tenders, totals.currency), (taken) =>
    s.book.commit(saleDraft(s, state, user.id, totals, settlement, taken)),
  );
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
  tenders: SaleTender[],
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
    tenders,
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

/**
 * The settled payments as the sale records them: cash as it is, each card taken in turn (the n-th card payment
 * uses the n-th card tender's test card and contact).
 */
function moneySteps(s: SellingContext, saleId: string, settlement: Settlement, inputs: TenderInput[], currency: string): MoneyStep[] {
  const cardInputs = inputs.filter((t) => t.method === 'card');
  return settlement.payments.map((payment, index): MoneyStep => {
    if (payment.method !== 'card') return { method: 'cash', tender: cashTender(payment.amount, payment.tendered) };
    const input = cardInputs.shift();
    const contact = input?.contact ?? '';
    return {
      method: 'card',
      amount: payment.amount,
      take: async (attempt) => {
        const card = await s.reader.read(input?.testCard);
        const outcome = await s.cards.pay({ ...attempt, docId: saleId, paymentId: paymentId(saleId, index), amount: payment.amount, currency, card, contact });
        return cardTender(payment.amount, card, { ...outcome, contact });
      },
    };
  });
}
