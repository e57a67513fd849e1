/**
 * Returns: found by receipt number, never more than sold minus returned before, approved by a manager (a manager's
 * own session approves), refunded to the original card(s) or in cash. A return is its own immutable sale document
 * (kind 'return', positive amounts, `refSaleId` naming the sale) committed by the sale book like a sale: numbered
 * in the terminal's one receipt sequence, one insert; refund payments (negative) and stock movements (back in)
 * are derived from it.
 */
import type { CheckoutResult, ReturnableSale } from '../../../shared/api/commands/selling-commands';
import { TillError } from '../../../shared/api/errors';
import { roundCash } from '../../../shared/money';
import type { PaymentDoc, SaleDoc, SaleTender } from '../../../shared/model';
import type { CardToken } from '../../../shared/payments/processor-api';
import { cardTender, cashTender } from '../../../shared/sale/sale-tender';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import { isoNow } from '../services/core-context';
import { buildReceipt } from './receipts';
import { computeReturn, returnableLines, returnedSoFar } from './return-amounts';
import { derivedDocs, paymentId } from './sale-book';
import { takeMoneyAndCommit, type MoneyStep } from '../payments/take-money';
import type { SellingContext } from './selling-context';

type ReturnCommands = 'returns.lookup' | 'returns.create';

export function createReturnHandlers(s: SellingContext): HandlerMap<ReturnCommands> {
  const saleById = async (saleId: string): Promise<SaleDoc> => {
    const doc = await s.ctx.db.sales.findOne(saleId).exec();
    if (!doc) throw new TillError('NOT_FOUND', 'That sale is not on this till.');
    return asSale(doc.toMutableJSON() as SaleDoc);
  };
  const returnsOf = async (saleId: string): Promise<SaleDoc[]> =>
    (await s.ctx.db.sales.find({ selector: { refSaleId: saleId } }).exec()).map((d) => d.toMutableJSON() as SaleDoc);

  return {
    'returns.lookup': async (input): Promise<ReturnableSale> => {
      const sale = asSale(await s.receipts.byNumber(input.number));
      const returned = returnedSoFar(sale, await returnsOf(sale.id));
      return {
        saleId: sale.id,
        number: sale.number,
        createdAt: sale.createdAt,
        currency: sale.currency,
        total: sale.total,
        lines: returnableLines(sale, returned),
        methods: [...new Set(sale.tenders.map((t) => t.method))],
      };
    },

    'returns.create': async (input, call): Promise<CheckoutResult> => {
      s.mayTakeMoney();
      const user = sessionOf(call).user;
      const sale = await saleById(input.saleId);
      const earlier = await returnsOf(sale.id);
      const amounts = computeReturn(sale, returnedSoFar(sale, earlier), input.lines);
      let approverId = user.id;
      if (user.role === 'clerk') {
        if (!input.approval) throw new TillError('APPROVAL_REQUIRED', 'A return needs a manager: ask a manager to approve it with their PIN.');
        approverId = (await s.credentials.approveAsManager(input.approval, user.id, 'return')).id;
      }
      const returnId = s.ctx.newId();
      const refundable = withCurrentReferences(sale, await s.ctx.db.payments.find({ selector: { saleId: sale.id } }).exec().then((docs) => docs.map((d) => d.toMutableJSON() as PaymentDoc)));
      const plan = refundPlan(refundable, earlier, amounts.total, input.refundTo, s.settings.current().cashRoundingIncrement);
      const doc = await takeMoneyAndCommit(s, returnId, refundSteps(s, returnId, plan.parts, sale.currency), (tenders) =>
        s.book.commit({
          ...amounts,
          id: returnId,
          clerkId: user.id,
          createdAt: isoNow(s.ctx),
          kind: 'return',
          refSaleId: sale.id,
          currency: sale.currency,
          pricesIncludeTax: sale.pricesIncludeTax,
          cashRounding: plan.cashRounding,
          tenders,
          approvedBy: approverId,
          status: 'completed',
        }),
      );
      const receipt = buildReceipt(doc, s.settings.current(), { clerkName: user.displayName, refNumber: sale.number, payments: derivedDocs(doc).payments });
      return { receipt, changeDue: 0 };
    },
  };
}

/** Each card part is refunded through the card payments' rules (online, or offline within the caps); cash as it is. */
function refundSteps(s: SellingContext, returnId: string, parts: RefundPart[], currency: string): MoneyStep[] {
  return parts.map((part, index): MoneyStep => {
    if (part.method === 'cash') return { method: 'cash', tender: cashTender(part.amount) };
    return {
      method: 'card',
      amount: part.amount,
      take: async (attempt) => {
        const outcome = await s.cards.refund({ ...attempt, docId: returnId, paymentId: paymentId(returnId, index), amount: part.amount, currency, card: part.card, contact: '', originalReference: part.originalReference });
        return cardTender(part.amount, part.card, { ...outcome, originalReference: part.originalReference });
      },
    };
  });
}

/**
 * The sale as it can be refunded now: a card tender taken offline has the reference its payment got when it was
 * forwarded (from the payment documents); one still waiting or declined has none, so it is refunded in cash.
 */
function withCurrentReferences(sale: SaleDoc, payments: readonly PaymentDoc[]): SaleDoc {
  const captured = new Map(payments.filter((p) => p.status === 'captured' && p.idempotencyKey).map((p) => [p.idempotencyKey, p.reference]));
  return { ...sale, tenders: sale.tenders.map((t) => (t.method === 'card' && t.reference === '' ? { ...t, reference: captured.get(t.idempotencyKey) ?? '' } : t)) };
}

function asSale(doc: SaleDoc): SaleDoc {
  if (doc.kind !== 'sale') throw new TillError('BAD_INPUT', `${doc.number} is a return receipt: look up the sale it refunded.`);
  if (doc.status !== 'completed') throw new TillError('BAD_INPUT', `${doc.number} was voided: there is nothing to return.`);
  return doc;
}

type RefundPart = { method: 'cash'; amount: number } | { method: 'card'; amount: number; originalReference: string; card: CardToken };

/**
 * RULE: refunding to the original tender pays back to the sale's card payments first, each up to what it paid less
 * what earlier returns already paid back to cards (counted against the cards in order; a card the processor has not
 * taken yet is skipped), and the rest in cash. A
 * cash refund is rounded to the cash increment like a cash sale; `cashRounding` records the difference.
 */
export function refundPlan(
  sale: SaleDoc,
  earlier: readonly SaleDoc[],
  total: number,
  refundTo: 'original' | 'cash',
  cashIncrement: number,
): { parts: RefundPart[]; cashRounding: number } {
  const parts: RefundPart[] = [];
  let left = total;
  if (refundTo === 'original') {
    let alreadyToCards = earlier.flatMap((r) => r.tenders).filter((t) => t.method === 'card').reduce((sum, t) => sum + t.amount, 0);
    for (const tender of sale.tenders) {
      if (tender.method !== 'card' || left === 0) continue;
      const usedBefore = Math.min(alreadyToCards, tender.amount);
      alreadyToCards -= usedBefore;
      // A card payment the processor has not taken yet (still waiting, or declined) cannot be paid back to: cash.
      if (!tender.reference) continue;
      const amount = Math.min(left, tender.amount - usedBefore);
      const card = { token: tender.cardToken, brand: tender.cardBrand, last4: tender.cardLast4 };
      if (amount > 0) parts.push({ method: 'card', amount, originalReference: tender.reference, card });
      left -= amount;
    }
  }
  const cash = roundCash(left, cashIncrement);
  if (cash > 0) parts.push({ method: 'cash', amount: cash });
  return { parts, cashRounding: cash - left };
}
