/**
 * Taking a card at the counter, and undoing one: the one place that decides what a card tender becomes.
 *
 * Online, the processor answers and that is that. When it cannot be reached, the card is accepted offline if the
 * store allows it (a manager's setting) within the caps — per payment, and in total waiting on this terminal — and
 * its payment is forwarded later with the same idempotency key. When the outcome is unknown (a timeout, a broken or
 * untrustworthy reply), a look-up with the same key settles it; never a blind retry. A card that might have been
 * charged for a sale that does not happen is cancelled by its key, and the cancellation is kept until the
 * processor confirms it, so nothing stays charged.
 *
 * Each attempt at the counter has a key of its own and is written down before the processor is asked: if the till
 * dies before the sale is committed, the next start finds the attempt without its sale and cancels it.
 */
import { randomBytes } from 'node:crypto';
import { TillError } from '../../../shared/api/errors';
import { currencyDigits, minorToDecimal } from '../../../shared/money';
import type { SaleTender } from '../../../shared/model';
import type { CardToken, ProcessorAnswer } from '../../../shared/payments/processor-api';
import type { CoreContext } from '../services/core-context';
import { LocalRecord, readLocalPrefix } from '../services/local-state';
import type { CardProcessor, ProcessorOutcome } from './card-processor';
import type { PaymentLedger } from './payment-ledger';

export interface OfflineCardPolicy {
  enabled: boolean;
  /** Largest card payment accepted offline, minor units. */
  perPaymentCap: number;
  /** Most that may wait on one terminal, minor units. */
  terminalCap: number;
}

/** What the counter needs to take a card: the document it pays for and its payment, the amount, and what the cap still leaves. */
export interface CardAttempt {
  /**
   * The document whose commit makes this card a payment: a sale or a return, or for a collection the collection's
   * own payment. An attempt found after a restart without it is cancelled.
   */
  docId: string;
  /** The payment's id (`<saleId>-P<n>`, a collection's id): each attempt's key is made from it. */
  paymentId: string;
  amount: number;
  currency: string;
  card: CardToken;
  contact: string;
  /** The terminal cap left for this checkout (earlier offline tenders of the same checkout already taken off). */
  offlineRoom: number;
  takenAt: string;
  /** Never offline (a collection for a declined card: a second offline card would only repeat the risk). */
  onlineOnly?: boolean;
}

export type TakenCard = Pick<SaleTender, 'idempotencyKey' | 'reference' | 'forwarding'>;

const CANCEL_PREFIX = 'payments:cancel:';
const ATTEMPT_PREFIX = 'payments:attempt:';

interface PendingCancel {
  key: string;
  since: string;
}

/** A card request on its way for a document not committed yet. */
interface AttemptRecord {
  key: string;
  /** The CardAttempt's docId (stored under this name since tills first kept attempts, when only sales took cards). */
  saleId: string;
  since: string;
}

export class CardPayments {
  constructor(
    private readonly ctx: CoreContext,
    private readonly processor: CardProcessor | null,
    private readonly ledger: PaymentLedger,
    private readonly policy: () => OfflineCardPolicy,
    /** Told whether the processor answered, each time a card is taken (the status bar shows it). */
    private readonly noteReachable: (reachable: boolean) => void = () => undefined,
  ) {}

  get configured(): boolean {
    return this.processor !== null;
  }

  /** What this terminal's waiting card payments add up to (what the terminal cap counts), in absolute minor units. */
  async waitingTotal(): Promise<number> {
    return (await this.ledger.waitingHere()).reduce((sum, p) => sum + Math.abs(p.amount), 0);
  }

  /** What the terminal cap leaves for offline cards now. */
  async offlineRoom(): Promise<number> {
    return this.policy().terminalCap - (await this.waitingTotal());
  }

  /**
   * One card tender of a sale. Resolves with what the sale records (the key, the processor's reference, or how it
   * waits to be forwarded); throws PAYMENT_DECLINED (nothing charged) or CARD_UNAVAILABLE (nothing charged, or
   * cancelled).
   */
  async pay(attempt: CardAttempt): Promise<TakenCard> {
    const processor = this.requireProcessor();
    const key = await this.begin(attempt);
    const request = { idempotencyKey: key, terminalId: this.ctx.terminalId, amount: attempt.amount, currency: attempt.currency, card: attempt.card, offline: false, takenAt: attempt.takenAt };
    return this.settle(attempt, key, await processor.pay(request), 'payment');
  }

  /** A card refund of a return, to the payment `originalReference`; the same rules as a payment. */
  async refund(attempt: CardAttempt & { originalReference: string }): Promise<TakenCard> {
    const processor = this.requireProcessor();
    const key = await this.begin(attempt);
    const request = { idempotencyKey: key, terminalId: this.ctx.terminalId, paymentReference: attempt.originalReference, amount: attempt.amount, currency: attempt.currency };
    return this.settle(attempt, key, await processor.refund(request), 'refund');
  }

  /** The document was committed: its attempts are its payments now (the sale book or the ledger owns them from here). */
  async committed(docId: string): Promise<void> {
    for (const { key, value } of await readLocalPrefix<AttemptRecord>(this.ctx, ATTEMPT_PREFIX)) {
      if (value.saleId === docId) await new LocalRecord(this.ctx, key).remove();
    }
  }

  /**
   * After a restart: an attempt whose document was never committed may have charged a card for nothing; it is
   * cancelled. Returns how many there were.
   */
  async recoverAttempts(committed: (docId: string) => Promise<boolean>): Promise<number> {
    const orphans: string[] = [];
    for (const { key, value } of await readLocalPrefix<AttemptRecord>(this.ctx, ATTEMPT_PREFIX)) {
      if (!(await committed(value.saleId))) orphans.push(value.key);
      await new LocalRecord(this.ctx, key).remove();
    }
    if (orphans.length > 0) {
      this.ctx.log.warn('Cancelling card requests of sales a crash left unfinished', { count: orphans.length });
      await this.keepCancels(orphans);
    }
    return orphans.length;
  }

  /**
   * Cancels card payments of a sale that did not happen (keys that reached, or may have reached, the processor).
   * Each cancellation is kept on disk first and retried by the reconciler until the processor confirms it.
   */
  async cancel(keys: readonly string[]): Promise<void> {
    await this.keepCancels(keys);
    for (const key of keys) await new LocalRecord(this.ctx, `${ATTEMPT_PREFIX}${key}`).remove();
    await this.retryCancels(keys);
  }

  private async keepCancels(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      await new LocalRecord<PendingCancel>(this.ctx, `${CANCEL_PREFIX}${key}`).write({ key, since: new Date(this.ctx.now()).toISOString() });
    }
  }

  /** Tries the pending cancellations (all, or these keys); returns how many are still pending. */
  async retryCancels(only?: readonly string[]): Promise<number> {
    const pending = (await readLocalPrefix<PendingCancel>(this.ctx, CANCEL_PREFIX)).filter((p) => !only || only.includes(p.value.key));
    let left = 0;
    for (const { key, value } of pending) {
      const outcome = this.processor
        ? await this.processor.cancel({ idempotencyKey: `${value.key}-V`, terminalId: this.ctx.terminalId, paymentIdempotencyKey: value.key })
        : ({ kind: 'unreachable', detail: 'no processor' } as const);
      if (outcome.kind === 'answer' || outcome.kind === 'refused') {
        if (outcome.kind === 'refused') this.ctx.log.error('The processor refused to cancel a card payment', { key: value.key, code: outcome.code });
        await new LocalRecord(this.ctx, key).remove();
        await this.ctx.audit.record({ actorId: '', type: 'payment.cancelled', subjectId: value.key.slice(0, 64), details: { outcome: outcome.kind === 'answer' ? outcome.answer.status : outcome.code } });
      } else {
        left += 1;
      }
    }
    return left;
  }

  async pendingCancels(): Promise<number> {
    return (await readLocalPrefix<PendingCancel>(this.ctx, CANCEL_PREFIX)).length;
  }

  private requireProcessor(): CardProcessor {
    if (!this.processor) throw new TillError('CARD_UNAVAILABLE', 'No card processor is set up on this till: take cash, or ask IT to set one up.');
    return this.processor;
  }

  /** A new key for this attempt, written down before the processor hears of it. */
  private async begin(attempt: CardAttempt): Promise<string> {
    const key = `${attempt.paymentId}-${randomBytes(4).toString('hex').toUpperCase()}`;
    await new LocalRecord<AttemptRecord>(this.ctx, `${ATTEMPT_PREFIX}${key}`).write({ key, saleId: attempt.docId, since: attempt.takenAt });
    return key;
  }

  private async settle(attempt: CardAttempt, key: string, first: ProcessorOutcome, what: 'payment' | 'refund'): Promise<TakenCard> {
    if (first.kind === 'unreachable') this.noteReachable(false);
    else if (first.kind !== 'unknown') this.noteReachable(true);
    let outcome = first;
    // Unless it never left this till, a request may still be charged later (one in flight when the look-up found
    // nothing): it is treated as sent, so it is either forwarded with its key or cancelled by it.
    const sent = first.kind !== 'unreachable';
    if (outcome.kind === 'unknown') {
      this.ctx.log.warn('A card request had no trustworthy answer; looking it up by its key', { key, detail: outcome.detail });
      outcome = await this.requireProcessor().lookup(key);
    }
    try {
      switch (outcome.kind) {
        case 'answer':
          return this.answered(attempt, key, outcome.answer, what);
        case 'refused':
          throw new TillError('CARD_UNAVAILABLE', `The card processor refused the ${what} (${outcome.message}). Nothing was charged: take another payment.`);
        default:
          return await this.offline(attempt, key, sent, what);
      }
    } catch (error) {
      // Nothing is charged for this attempt now (or its cancellation is kept): it needs no recovery.
      await new LocalRecord(this.ctx, `${ATTEMPT_PREFIX}${key}`).remove();
      throw error;
    }
  }

  private answered(attempt: CardAttempt, key: string, answer: ProcessorAnswer, what: 'payment' | 'refund'): TakenCard {
    if (answer.status === 'approved') return { idempotencyKey: key, reference: answer.reference, forwarding: '' };
    const amount = minorToDecimal(attempt.amount, currencyDigits(attempt.currency));
    this.ctx.log.info('Card declined', { key, amount: attempt.amount, code: answer.code });
    if (what === 'refund') throw new TillError('PAYMENT_DECLINED', `The card refund was refused (${answer.reason}): refund in cash instead. Nothing was written.`);
    throw new TillError('PAYMENT_DECLINED', `Card declined for ${amount} ${attempt.currency} (${answer.reason}) — ask for another payment. Nothing was charged.`);
  }

  /** The processor could not settle it now: accept it offline when the store allows it, else give up safely. */
  private async offline(attempt: CardAttempt, key: string, sent: boolean, what: 'payment' | 'refund'): Promise<TakenCard> {
    const refusal = this.offlineRefusal(attempt);
    if (refusal === null) {
      this.ctx.log.warn(`Card ${what} accepted offline`, { key, amount: attempt.amount, sent });
      return { idempotencyKey: key, reference: '', forwarding: sent ? 'unknown' : 'queued' };
    }
    if (sent) {
      // It may have reached the processor: make sure it charges nothing (the reconciler sends the cancellation).
      await this.keepCancels([key]);
      throw new TillError('CARD_UNAVAILABLE', `The card could not be confirmed and ${refusal}. Any charge is cancelled automatically: take another payment.`);
    }
    throw new TillError('CARD_UNAVAILABLE', `The card processor cannot be reached and ${refusal}. Nothing was charged: take another payment.`);
  }

  /** Why this card cannot be taken offline, or null when it can. */
  private offlineRefusal(attempt: CardAttempt): string | null {
    const policy = this.policy();
    const show = (minor: number) => minorToDecimal(minor, currencyDigits(attempt.currency));
    if (attempt.onlineOnly) return 'this payment is taken online only';
    if (!policy.enabled) return 'the store does not take cards offline';
    if (attempt.amount > policy.perPaymentCap) return `offline cards are limited to ${show(policy.perPaymentCap)} ${attempt.currency} each`;
    if (attempt.amount > attempt.offlineRoom) {
      return `this till may hold only ${show(policy.terminalCap)} ${attempt.currency} of offline cards (${show(Math.max(0, attempt.offlineRoom))} left)`;
    }
    return null;
  }
}
