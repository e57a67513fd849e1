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
import type { SaleDoc, SaleTender } from '../../../shared/model';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import { isoNow } from '../services/core-context';
import { buildReceipt } from './receipts';
import { computeReturn, returnableLines, returnedSoFar } from './return-amounts';
import { derivedDocs, paymentId } from './sale-book';
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

    'returns.create': (input, call) =>
      s.queue(async (): Promise<CheckoutResult> => {
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
        const plan = refundPlan(sale, earlier, amounts.total, input.refundTo, s.settings.current().cashRoundingIncrement);
        const tenders = await payBack(s, returnId, plan.parts, sale.currency);
        let doc: SaleDoc;
        try {
          doc = await s.book.commit({
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
          });
        } catch (error) {
          // Card refunds cannot be taken back: whoever reconciles the card statement needs these references.
          const refunded = tenders.filter((t) => t.method === 'card').map((t) => t.reference);
          if (refunded.length > 0) s.ctx.log.error('Card refunded but the return was not written', { returnId, refunded, error });
          throw error;
        }
        const receipt = buildReceipt(doc, s.settings.current(), { clerkName: user.displayName, refNumber: sale.number, payments: derivedDocs(doc).payments });
        return { receipt, changeDue: 0 };
      }),
  };
}

/** Refunds each card part through the processor (a refusal stops the return before anything is written). */
async function payBack(s: SellingContext, returnId: string, parts: RefundPart[], currency: string): Promise<SaleTender[]> {
  const tenders: SaleTender[] = [];
  for (const [index, part] of parts.entries()) {
    if (part.method === 'cash') {
      tenders.push({ method: 'cash', amount: part.amount, tendered: part.amount, reference: '' });
      continue;
    }
    const request = { idempotencyKey: paymentId(returnId, index), originalReference: part.originalReference, amount: part.amount, currency };
    const decision = await s.processor.refund(request);
    if (!decision.approved) {
      throw new TillError('PAYMENT_DECLINED', `The card refund was refused (${decision.reason}): refund in cash instead. Nothing was written.`);
    }
    tenders.push({ method: 'card', amount: part.amount, tendered: part.amount, reference: decision.reference });
  }
  return tenders;
}

function asSale(doc: SaleDoc): SaleDoc {
  if (doc.kind !== 'sale') throw new TillError('BAD_INPUT', `${doc.number} is a return receipt: look up the sale it refunded.`);
  if (doc.status !== 'completed') throw new TillError('BAD_INPUT', `${doc.number} was voided: there is nothing to return.`);
  return doc;
}

type RefundPart = { method: 'cash'; amount: number } | { method: 'card'; amount: number; originalReference: string };

/**
 * RULE: refunding to the original tender pays back to the sale's card payments first, each up to what it paid less
 * what earlier returns already paid back to cards (counted against the cards in order), and the rest in cash. A
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
      const amount = Math.min(left, tender.amount - usedBefore);
      if (amount > 0) parts.push({ method: 'card', amount, originalReference: tender.reference });
      left -= amount;
    }
  }
  const cash = roundCash(left, cashIncrement);
  if (cash > 0) parts.push({ method: 'cash', amount: cash });
  return { parts, cashRounding: cash - left };
}
