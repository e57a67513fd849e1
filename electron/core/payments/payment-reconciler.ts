/**
 * Forwards the card payments this terminal accepted offline, exactly once, when the processor can be reached again:
 * oldest first, a few at a time, pausing longer while the processor stays unreachable.
 *
 * Every change is on disk before the request that follows it: a payment is `submitting` before it is sent, and its
 * answer is written before the next one. A payment found `submitting` or `unknown` (a crash, a timeout) is looked
 * up by its key before anything is sent again, and only sent again when the processor has never seen that key —
 * the same key in any case, so it can never be charged twice. Only the terminal that took a payment forwards it
 * (or the one a manager handed it to). Queued payments older than 24 h expire instead (card networks' rule), and
 * cancellations of cards for sales that did not happen are retried here until the processor confirms them.
 */
import type { PaymentDoc, PaymentStatus } from '../../../shared/model';
import { hasExpired, WAITING_STATUSES } from '../../../shared/payments/payment-states';
import type { CoreContext } from '../services/core-context';
import type { CardPayments } from './card-payments';
import type { CardProcessor, ProcessorOutcome } from './card-processor';
import type { PaymentChange, PaymentLedger } from './payment-ledger';
import type { ReconcilerTiming } from './reconciler-timing';

export { DEFAULT_RECONCILER_TIMING, type ReconcilerTiming } from './reconciler-timing';

export interface ReconcileResult {
  captured: number;
  declined: number;
  /** Still waiting: the processor could not be reached or gave no trustworthy answer. */
  waiting: number;
  expired: number;
}

/** What one payment's forwarding came to ('waiting': the processor answered, but nothing is settled yet; 'skipped': nothing was asked). */
type Step = 'captured' | 'declined' | 'waiting' | 'unreachable' | 'skipped';

export class PaymentReconciler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReconcileResult> | null = null;
  /** Payments being forwarded now: never two requests for one payment at once, whatever asks. */
  private readonly inFlight = new Set<string>();
  private again = false;
  private backoffMs = 0;
  private stopped = false;
  private lastReachable: boolean | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly processor: CardProcessor | null,
    private readonly ledger: PaymentLedger,
    private readonly cards: CardPayments,
    private readonly timing: ReconcilerTiming,
    /** Told after every run and whenever reachability changes, so the status bar can follow. */
    private readonly onChange: () => void,
  ) {}

  /** Whether the processor answered the last time it was asked (null: not asked yet). */
  get reachable(): boolean | null {
    return this.lastReachable;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  start(): void {
    this.kick();
  }

  stop(): Promise<unknown> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.running ?? Promise.resolve();
  }

  /** Runs soon (something to forward may have arrived), unless a run is under way: then once more after it. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** One pass over everything waiting here; resolves with what it did. */
  runOnce(): Promise<ReconcileResult> {
    if (this.running) return this.running;
    const run = this.pass().finally(() => {
      this.running = null;
      this.onChange();
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      } else {
        this.schedule(this.backoffMs > 0 ? this.backoffMs : this.timing.idleMs);
      }
    });
    this.running = run;
    this.onChange();
    return run;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runOnce().catch((error: unknown) => this.ctx.log.error('Forwarding card payments failed; will try again', { error }));
    }, ms);
    this.timer.unref();
  }

  private async pass(): Promise<ReconcileResult> {
    const result: ReconcileResult = { captured: 0, declined: 0, waiting: 0, expired: 0 };
    const waiting = await this.ledger.waitingHere();
    const handedOver = await this.handedOverKeys(waiting);
    const queue: PaymentDoc[] = [];
    for (const payment of waiting) {
      if (handedOver.has(payment.idempotencyKey) && payment.kind !== 'handover') {
        await this.change(payment.id, 'handed_over');
      } else if (hasExpired(payment, this.ctx.now())) {
        await this.ctx.writes(async () => {
          await this.ledger.change(payment.id, 'expired', { reason: 'Not forwarded within 24 hours of being taken offline' });
          await this.ctx.audit.record({ actorId: '', type: 'payment.expired', subjectId: payment.id, details: { saleId: payment.saleId, amount: payment.amount } });
        });
        result.expired += 1;
      } else {
        queue.push(payment);
      }
    }
    if (!this.processor) {
      result.waiting = queue.length;
      return result;
    }
    if (queue.length === 0) {
      // Nothing to forward: ask whether the processor answers, so the screens know before the next card.
      this.noteReachable((await this.processor.health()) === 'reachable');
    }
    await this.cards.retryCancels();
    let unreachable = false;
    let reached = false;
    // A few at a time, oldest first; a processor that cannot be reached ends the pass (nothing else will get through).
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!unreachable && !this.stopped && next < queue.length) {
        const step = await this.forward(queue[next++]!);
        if (step === 'unreachable') unreachable = true;
        else if (step !== 'skipped') reached = true;
        if (step === 'captured') result.captured += 1;
        else if (step === 'declined') result.declined += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.timing.concurrency, queue.length) }, worker));
    result.waiting = (await this.ledger.waitingHere()).length;
    this.backoffMs = unreachable ? Math.min(this.timing.maxBackoffMs, Math.max(this.timing.minBackoffMs, this.backoffMs * 2)) : 0;
    if (unreachable) this.noteReachable(false);
    else if (reached) this.noteReachable(true);
    return result;
  }

  /** Keys of this terminal's payments another terminal has taken over (its handover documents arrived by sync). */
  private async handedOverKeys(waiting: readonly PaymentDoc[]): Promise<Set<string>> {
    if (waiting.length === 0) return new Set();
    const related = await this.ledger.ofSales([...new Set(waiting.map((p) => p.saleId))]);
    return new Set(related.filter((p) => p.kind === 'handover' && p.terminalId !== this.ctx.terminalId).map((p) => p.resolves));
  }

  /**
   * One payment, from what is stored now (the list it came from may be older); a failure leaves it for the next
   * pass, and the key makes any repeat harmless. (The pull never writes an older copy of this till's own payment
   * back: electron/core/sync/pull-guard.ts.)
   */
  private async forward(listed: PaymentDoc): Promise<Step> {
    if (this.inFlight.has(listed.id)) return 'skipped';
    this.inFlight.add(listed.id);
    try {
      const payment = await this.ledger.get(listed.id);
      if (!payment || !WAITING_STATUSES.includes(payment.status)) return 'skipped';
      return await this.forwardNow(payment);
    } catch (error) {
      this.ctx.log.error('Could not forward a card payment; it is tried again later', { paymentId: listed.id, error });
      return 'skipped';
    } finally {
      this.inFlight.delete(listed.id);
    }
  }

  private async forwardNow(payment: PaymentDoc): Promise<Step> {
    const processor = this.processor!;
    let current = payment;
    if (current.status === 'submitting' || current.status === 'unknown') {
      // It may have reached the processor before: ask before sending anything again.
      const found = await processor.lookup(current.idempotencyKey);
      if (found.kind === 'answer') return this.record(current, found);
      if (found.kind !== 'not_found') {
        // Still no word on it: it stays unknown (never queued again: a payment that may be charged cannot expire).
        if (current.status === 'submitting') await this.change(current.id, 'unknown');
        return found.kind === 'unreachable' ? 'unreachable' : 'waiting';
      }
    }
    current = await this.change(current.id, 'submitting', { attempts: current.attempts + 1 });
    const outcome =
      current.amount < 0
        ? await processor.refund({
            idempotencyKey: current.idempotencyKey,
            terminalId: this.ctx.terminalId,
            paymentReference: current.originalReference,
            amount: -current.amount,
            currency: current.currency,
          })
        : await processor.pay({
            idempotencyKey: current.idempotencyKey,
            terminalId: this.ctx.terminalId,
            amount: current.amount,
            currency: current.currency,
            card: { token: current.cardToken, brand: current.cardBrand, last4: current.cardLast4 },
            offline: true,
            takenAt: current.createdAt,
          });
    return this.record(current, outcome);
  }

  /** Writes what the processor said about a payment that is `submitting` (or `unknown`). */
  private async record(payment: PaymentDoc, outcome: ProcessorOutcome): Promise<Step> {
    switch (outcome.kind) {
      case 'answer': {
        const { answer } = outcome;
        if (answer.status === 'approved' && (answer.amount !== Math.abs(payment.amount) || answer.currency !== payment.currency)) {
          return this.keyHeldElsewhere(payment, `approved ${answer.amount} ${answer.currency} under its key (reference ${answer.reference})`);
        }
        if (answer.status === 'approved') {
          await this.change(payment.id, 'captured', { reference: answer.reference, reason: '' });
          return 'captured';
        }
        await this.declined(payment, answer.reason);
        return 'declined';
      }
      case 'refused':
        if (outcome.code === 'idempotency_conflict') return this.keyHeldElsewhere(payment, outcome.message);
        // The processor will never take this request as it is: a manager must settle it.
        await this.declined(payment, `Refused by the card processor: ${outcome.message}`);
        return 'declined';
      case 'unreachable':
        // Nothing was sent: back in line.
        if (payment.status === 'submitting') await this.change(payment.id, 'queued');
        return 'unreachable';
      case 'not_found':
      case 'unknown':
        if (payment.status === 'submitting') await this.change(payment.id, 'unknown', { reason: outcome.kind === 'unknown' ? outcome.detail : '' });
        return 'waiting';
    }
  }

  /**
   * The processor holds another request under this payment's key. The customer may be charged under it, so the
   * payment is never called declined (a manager would collect it again): it stays unknown, counted as waiting, and
   * IT has to settle it with the processor. Sending it again cannot charge twice: the key is refused.
   */
  private async keyHeldElsewhere(payment: PaymentDoc, detail: string): Promise<Step> {
    const reason = `The card processor holds another request under this payment’s key: ${detail}`.slice(0, 300);
    if (payment.status === 'submitting' || payment.reason !== reason) await this.change(payment.id, 'unknown', { reason });
    this.ctx.log.error('A card payment’s key is taken by another request at the processor; it stays unknown until IT settles it', {
      paymentId: payment.id,
      key: payment.idempotencyKey,
      detail,
    });
    return 'waiting';
  }

  /** Declined once: a payment found declined already (an answer looked up again) is no change and no new audit event. */
  private async declined(payment: PaymentDoc, reason: string): Promise<void> {
    const changed = await this.ctx.writes(async () => {
      if ((await this.ledger.get(payment.id))?.status === 'declined') return false;
      await this.ledger.change(payment.id, 'declined', { reason });
      await this.ctx.audit.record({
        actorId: '',
        type: 'payment.declined_after',
        subjectId: payment.id,
        details: { saleId: payment.saleId, amount: payment.amount, reason: reason.slice(0, 200) },
      });
      return true;
    });
    if (!changed) return;
    this.ctx.log.warn('A card payment taken offline was declined: it is on the managers\u2019 worklist', { paymentId: payment.id, reason });
  }

  /** A change of one payment, in its turn in the till's write queue (a manager's command may be resolving it). */
  private change(id: string, to: PaymentStatus, patch?: PaymentChange): Promise<PaymentDoc> {
    return this.ctx.writes(() => this.ledger.change(id, to, patch));
  }

  /** What the last request to the processor showed (here, or a card at the counter). */
  noteReachable(reachable: boolean): void {
    if (this.lastReachable === reachable) return;
    this.lastReachable = reachable;
    this.onChange();
  }
}
