/**
 * The one money sequence: take each payment in turn (cash as it is, a card through the card rules, online or
 * offline within the caps), commit the document that makes it happen — a sale, a return, a collection for a
 * declined card — and, when anything fails before that write is on disk, cancel every card that was or may have
 * been charged. Checkout, returns and collections differ only in what a card step asks the processor (a payment or
 * a refund) and in the document they commit; they pass those in.
 *
 * Each card attempt is written down (card-payments.ts) under the id of the document to be committed before the
 * processor hears of it: a till that dies in between finds the attempt without its document on the next start and
 * cancels it.
 */
import type { SaleTender } from '../../../shared/model';
import type { CoreContext } from '../services/core-context';
import { isoNow } from '../services/core-context';
import type { CardPayments } from './card-payments';

/** What the sequence needs of the till: its context (clock, log, write queue), the card rules, and work for after the answer. */
export interface MoneyDesk {
  ctx: CoreContext;
  cards: CardPayments;
  later: (work: () => Promise<void>) => void;
}

/** What a card step is told: the room the terminal's offline cap still leaves, and the time. */
export interface CardStepAttempt {
  offlineRoom: number;
  takenAt: string;
}

/** One payment, in the order it is taken. */
export type MoneyStep =
  | { method: 'cash'; tender: SaleTender }
  | { method: 'card'; amount: number; take: (attempt: CardStepAttempt) => Promise<SaleTender> };

/** Takes the steps' money and commits `docId` with what was taken; resolves once the commit is on disk. */
export async function takeMoneyAndCommit<T>(
  desk: MoneyDesk,
  docId: string,
  steps: readonly MoneyStep[],
  commit: (tenders: SaleTender[]) => Promise<T>,
): Promise<T> {
  desk.ctx.writes.assertHeld('Taking money');
  const taken: SaleTender[] = [];
  let committed: T;
  try {
    let offlineRoom = await desk.cards.offlineRoom();
    for (const step of steps) {
      if (step.method === 'cash') {
        taken.push(step.tender);
        continue;
      }
      const tender = await step.take({ offlineRoom, takenAt: isoNow(desk.ctx) });
      if (tender.forwarding !== '') offlineRoom -= step.amount;
      taken.push(tender);
    }
    committed = await commit(taken);
  } catch (error) {
    await cancelMayHaveCharged(desk, docId, taken);
    throw error;
  }
  // The card requests are the document's payments now.
  if (taken.some((t) => t.method === 'card')) desk.later(() => desk.cards.committed(docId));
  return committed;
}

/**
 * Cancels the cards of what did not happen: those the processor approved, or may have (never a queued one, which
 * it never saw). The cancellation is kept on disk and retried until the processor confirms it.
 */
async function cancelMayHaveCharged(desk: MoneyDesk, docId: string, taken: readonly SaleTender[]): Promise<void> {
  const keys = taken.filter((t) => t.method === 'card' && (t.reference !== '' || t.forwarding === 'unknown')).map((t) => t.idempotencyKey);
  if (keys.length === 0) return;
  desk.ctx.log.warn('Cards were taken for something that did not happen: cancelling them', { docId, keys });
  try {
    await desk.cards.cancel(keys);
  } catch (error) {
    desk.ctx.log.error('Could not record the cancellation of card payments; the processor releases an authorization when it expires', { docId, keys, error });
  }
}
