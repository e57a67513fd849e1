/**
 * Paying for the cart. Order of work: the cart must be the one the clerk saw (revision) and not empty; the tenders
 * are settled by the sale rules (shared/sale/tenders.ts: change, cash rounding); cards are taken one by one
 * (electron/core/payments/card-payments.ts: online, or offline within the store's caps; a decline stops here,
 * nothing is written, and the cards already taken are cancelled); then the sale book commits the sale — the one
 * write that makes it happen (sale-book.ts) — and the clerk is answered with a new, empty cart. What follows
 * (payments, stock, audit, the new cart on disk) is written right after, before the next command.
 */
import type { UserSummary } from '../../../shared/api/commands/auth-commands';
import type { CheckoutResult } from '../../../shared/api/commands/selling-commands';
import { TillError } from '../../../shared/api/errors';
import { orThrow } from '../../../shared/money';
import type { SaleDoc, SaleTender } from '../../../shared/model';
import type { TestCardName } from '../../../shared/payments/processor-api';
import { computeTotals, settleTenders, toSaleAmounts, type SaleTotals, type Settlement, type Tender } from '../../../shared/sale';
import { cardTender, cashTender } from '../../../shared/sale/sale-tender';
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

/** A tender as the screen sends it: cards may name the simulated reader's test card and a customer contact. */
type TenderInput = Tender & { testCard?: TestCardName; contact?: string };

async function pay(s: SellingContext, cartRevision: number, tenders: TenderInput[], user: UserSummary): Promise<CheckoutResult> {
  s.mayTakeMoney();
  const state = await payableCart(s, cartRevision);
  const settings = s.settings.current();
  const totals = computeTotals(state.cart, toSaleSettings(settings));
  const settlement = settle(totals, tenders);
  const taken = await takeTenders(s, state.saleId, settlement, tenders, totals.currency);
  let sale: SaleDoc;
  try {
    sale = await s.book.commit(saleDraft(s, state, user.id, totals, settlement, taken));
  } catch (error) {
    await cancelCards(s, state.saleId, taken);
    throw error;
  }
  s.cart.startNewAfterSale();
  const { changeDue } = settlement;
  const payload = { number: sale.number, total: sale.total + sale.cashRounding, changeDue, currency: sale.currency };
  s.ctx.push({ channelId: null, message: { event: 'sale.completed', payload } });
  const receipt = buildReceipt(sale, settings, { clerkName: user.displayName, refNumber: '', payments: derivedDocs(sale).payments });
  // The card requests are the sale's payments now.
  if (sale.tenders.some((t) => t.method === 'card')) s.later(() => s.cards.committed(sale.id));
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
 * uses the n-th card tender's test card and contact). A card that fails cancels the cards taken before it.
 */
async function takeTenders(s: SellingContext, saleId: string, settlement: Settlement, inputs: TenderInput[], currency: string): Promise<SaleTender[]> {
  const cardInputs = inputs.filter((t) => t.method === 'card');
  const taken: SaleTender[] = [];
  let offlineRoom = await s.cards.offlineRoom();
  try {
    for (const [index, payment] of settlement.payments.entries()) {
      if (payment.method !== 'card') {
        taken.push(cashTender(payment.amount, payment.tendered));
        continue;
      }
      const input = cardInputs.shift();
      const card = await s.reader.read(input?.testCard);
      const contact = input?.contact ?? '';
      const attempt = { saleId, paymentId: paymentId(saleId, index), amount: payment.amount, currency, card, contact, offlineRoom, takenAt: isoNow(s.ctx) };
      const outcome = await s.cards.pay(attempt);
      if (outcome.forwarding !== '') offlineRoom -= payment.amount;
      taken.push(cardTender(payment.amount, card, { ...outcome, contact }));
    }
  } catch (error) {
    await cancelCards(s, saleId, taken);
    throw error;
  }
  return taken;
}

/** Cancels the cards of a sale that did not happen: those the processor approved, or may have (never a queued one, which it never saw). */
async function cancelCards(s: SellingContext, saleId: string, taken: readonly SaleTender[]): Promise<void> {
  const keys = taken.filter((t) => t.method === 'card' && (t.reference !== '' || t.forwarding === 'unknown')).map((t) => t.idempotencyKey);
  try {
    await s.cards.cancel(keys);
  } catch (error) {
    s.ctx.log.error('Could not record the cancellation of card payments; the processor releases an authorization when it expires', { saleId, keys, error });
  }
}
