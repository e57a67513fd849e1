/**
 * The one writer of `payments` on a till. Every payment document is created here and every change of its status
 * goes through `change`, which checks it against the state machine (shared/payments/payment-states.ts) on the
 * stored document itself, so two changes racing each other cannot skip a state. Only this terminal's payments change
 * here; other terminals' arrive through sync. Every write happens in the till's write queue (it refuses otherwise),
 * so a check a caller made before writing still holds when it writes.
 */
import type { RxDocument } from 'rxdb';
import { TillError } from '../../../shared/api/errors';
import type { PaymentDoc, PaymentStatus } from '../../../shared/model';
import { ATTENTION_STATUSES, isFinal, mayChange, mayStartAs, WAITING_STATUSES } from '../../../shared/payments/payment-states';
import { isoNow, type CoreContext } from '../services/core-context';

/** What may change with a status: what the processor said, and the bookkeeping of forwarding. */
export type PaymentChange = Partial<Pick<PaymentDoc, 'reference' | 'reason' | 'attempts'>>;

export class PaymentLedger {
  constructor(private readonly ctx: CoreContext) {}

  /**
   * A committed sale's tender payments (sale-book.ts): written once, "already there" counts as written. Returns the
   * ids this call wrote.
   */
  async insertDerived(docs: readonly PaymentDoc[]): Promise<Set<string>> {
    this.ctx.writes.assertHeld('Writing a sale\'s payments');
    if (docs.length === 0) return new Set();
    const { success, error } = await this.ctx.db.payments.bulkInsert([...docs]);
    const failed = error.filter((e) => e.status !== 409);
    if (failed.length > 0) throw new Error(`${failed.length} payments not written, first ${failed[0]!.documentId} (${failed[0]!.status})`);
    return new Set(success.map((doc) => doc.primary));
  }

  /** A new payment written later for a sale: a collection, a write-off, a handover. */
  async insert(doc: PaymentDoc): Promise<PaymentDoc> {
    this.ctx.writes.assertHeld('Writing a payment');
    if (doc.terminalId !== this.ctx.terminalId) throw new Error(`Payment ${doc.id} belongs to terminal ${doc.terminalId}, not this one`);
    if (!mayStartAs(doc.kind, doc.status)) throw new Error(`A ${doc.kind} payment cannot start as ${doc.status}`);
    await this.ctx.db.payments.insert(doc);
    return doc;
  }

  /**
   * Moves this terminal's payment `id` to `to`, if the state machine allows it from the status it has now (a
   * TillError CONFLICT otherwise). Durable when it resolves.
   */
  async change(id: string, to: PaymentStatus, patch: PaymentChange = {}): Promise<PaymentDoc> {
    this.ctx.writes.assertHeld('Changing a payment');
    const doc = await this.ctx.db.payments.findOne(id).exec();
    if (!doc) throw new TillError('NOT_FOUND', `There is no payment ${id} on this till.`);
    if (doc.terminalId !== this.ctx.terminalId) {
      throw new TillError('CONFLICT', `Payment ${id} belongs to till ${doc.terminalId}: only that till changes it.`);
    }
    const at = isoNow(this.ctx);
    const updated = await (doc as RxDocument<PaymentDoc>).incrementalModify((current) => {
      if (!mayChange(current.status, to)) {
        throw new TillError('CONFLICT', `Payment ${id} is ${current.status} and cannot become ${to}.`);
      }
      return { ...current, ...patch, status: to, updatedAt: at, settledAt: isFinal(to) ? at : current.settledAt };
    });
    return updated.toMutableJSON() as PaymentDoc;
  }

  async get(id: string): Promise<PaymentDoc | null> {
    return ((await this.ctx.db.payments.findOne(id).exec())?.toMutableJSON() as PaymentDoc | undefined) ?? null;
  }

  /** Every payment (any terminal's) of these sales. */
  async ofSales(saleIds: readonly string[]): Promise<PaymentDoc[]> {
    if (saleIds.length === 0) return [];
    const docs = await this.ctx.db.payments.find({ selector: { saleId: { $in: [...saleIds] } } }).exec();
    return docs.map((d) => d.toMutableJSON() as PaymentDoc);
  }

  /** Payments (any terminal's) in these statuses, oldest first. */
  async inStatus(statuses: readonly PaymentStatus[]): Promise<PaymentDoc[]> {
    const docs = await this.ctx.db.payments.find({ selector: { status: { $in: [...statuses] } } }).exec();
    return docs.map((d) => d.toMutableJSON() as PaymentDoc).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** This terminal's card payments still waiting for the processor, oldest first. */
  async waitingHere(): Promise<PaymentDoc[]> {
    return (await this.inStatus(WAITING_STATUSES)).filter((p) => p.terminalId === this.ctx.terminalId);
  }

  /** Declined or expired payments, and what resolves them (collections, write-offs), of every terminal. */
  async attentionWithResolutions(): Promise<PaymentDoc[]> {
    const needing = await this.inStatus(ATTENTION_STATUSES);
    if (needing.length === 0) return [];
    return this.ofSales([...new Set(needing.map((p) => p.saleId))]);
  }
}
