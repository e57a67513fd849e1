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
import { ATTENTION_STATUSES, isFinal, mayChange, mayStartAs, PAYMENT_REACHABLE, WAITING_STATUSES } from '../../../shared/payments/payment-states';
import { SYNC_POLICIES } from '../../../shared/sync/sync-policy';
import { isoNow, type CoreContext } from '../services/core-context';

/** What may change with a status: what the processor said, and the bookkeeping of forwarding. */
export type PaymentChange = Partial<Pick<PaymentDoc, 'reference' | 'reason' | 'attempts'>>;

export class PaymentLedger {
  constructor(private readonly ctx: CoreContext) {}

  /**
   * A committed sale's tender payments (sale-book.ts), written once. Each must be this terminal's and start in a
   * status its kind allows. One already stored (409) counts as written when it is the same payment (see
   * `differencesFromDerived`); anything else under its id is corruption, logged for IT and thrown. Returns the ids
   * this call wrote.
   */
  async insertDerived(docs: readonly PaymentDoc[]): Promise<Set<string>> {
    this.ctx.writes.assertHeld('Writing a sale\'s payments');
    if (docs.length === 0) return new Set();
    for (const doc of docs) this.assertMayCreate(doc);
    const { success, error } = await this.ctx.db.payments.bulkInsert([...docs]);
    const failed = error.filter((e) => e.status !== 409);
    if (failed.length > 0) throw new Error(`${failed.length} payments not written, first ${failed[0]!.documentId} (${failed[0]!.status})`);
    const derived = new Map(docs.map((doc) => [doc.id, doc]));
    const corrupt: string[] = [];
    for (const conflict of error) {
      if (conflict.status !== 409) continue;
      const mine = derived.get(conflict.documentId)!;
      const stored = conflict.documentInDb ?? (await this.get(conflict.documentId));
      const fields = stored ? differencesFromDerived(mine, stored) : ['(gone)'];
      if (fields.length === 0) continue;
      this.ctx.log.error('Another payment is stored under the id of a sale\u2019s payment: the books disagree', { paymentId: mine.id, saleId: mine.saleId, fields });
      corrupt.push(`${mine.id} (${fields.join(', ')})`);
    }
    if (corrupt.length > 0) {
      throw new Error(`The stored payment ${corrupt[0]} is not the one its sale says${corrupt.length > 1 ? `, and ${corrupt.length - 1} more` : ''}: nothing was overwritten; IT must compare the sale with its payments.`);
    }
    return new Set(success.map((doc) => doc.primary));
  }

  /** A new payment written later for a sale: a collection, a write-off, a handover. */
  async insert(doc: PaymentDoc): Promise<PaymentDoc> {
    this.ctx.writes.assertHeld('Writing a payment');
    this.assertMayCreate(doc);
    await this.ctx.db.payments.insert(doc);
    return doc;
  }

  /** Only this terminal creates its payments, and each starts in a status its kind allows (payment-states.ts). */
  private assertMayCreate(doc: PaymentDoc): void {
    if (doc.terminalId !== this.ctx.terminalId) throw new Error(`Payment ${doc.id} belongs to terminal ${doc.terminalId}, not this one`);
    if (!mayStartAs(doc.kind, doc.status)) throw new Error(`A ${doc.kind} payment cannot start as ${doc.status}`);
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
    // Refused before writing: rxdb writes a document whose modifier threw anyway (unchanged, under a new revision).
    const refusal = (status: PaymentStatus) => new TillError('CONFLICT', `Payment ${id} is ${status} and cannot become ${to}.`);
    if (!mayChange(doc.status, to)) throw refusal(doc.status);
    const at = isoNow(this.ctx);
    // Checked again on the stored document itself: nothing else on this till writes it (the write queue), but the
    // rule holds even if something did.
    const updated = await (doc as RxDocument<PaymentDoc>).incrementalModify((current) => {
      if (!mayChange(current.status, to)) throw refusal(current.status);
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

/**
 * How a stored payment differs from the one its sale derives, by field; none when it is the same payment. The same
 * payment may have moved on since it was written (forwarded: a later status, the processor's reference and reason,
 * attempts), so it is compared in what never changes — the fields the sync rule freezes (shared/sync/sync-policy.ts),
 * a reference the sale already had — and its status must be the derived one or reachable from it.
 */
function differencesFromDerived(derived: PaymentDoc, stored: PaymentDoc): string[] {
  const fields = SYNC_POLICIES.payments.kind === 'owned' ? SYNC_POLICIES.payments.frozen : [];
  // Payments from before they named their clerk were given none by their migration (shared/db/migrations.ts).
  const unknown = (f: string) => f === 'clerkId' && stored.clerkId === '';
  const out = fields.filter((f) => !unknown(f) && JSON.stringify(stored[f as keyof PaymentDoc]) !== JSON.stringify(derived[f as keyof PaymentDoc]));
  if (derived.reference !== '' && stored.reference !== derived.reference) out.push('reference');
  if (stored.status !== derived.status && !(PAYMENT_REACHABLE[derived.status] ?? []).includes(stored.status)) out.push('status');
  return out;
}
