/**
 * One terminal-local JSON value in `local_state`, written in place. RxDB's upsert of an existing document costs a
 * failed insert plus an update; the cart is written on every scan, so this keeps the document and patches it.
 */
import type { RxDocument } from 'rxdb';
import type { LocalStateDoc } from '../../../shared/model';
import { isoNow, type CoreContext } from '../services/core-context';

export class LocalRecord<T> {
  private doc: RxDocument<LocalStateDoc> | null = null;

  constructor(
    private readonly ctx: CoreContext,
    readonly key: string,
  ) {}

  /** The stored value, or null when there is none or it cannot be read (logged). */
  async read(): Promise<T | null> {
    this.doc = await this.ctx.db.local_state.findOne(this.key).exec();
    if (!this.doc) return null;
    try {
      return JSON.parse(this.doc.value) as T;
    } catch (error) {
      this.ctx.log.error('Unreadable local state; starting afresh', { key: this.key, error });
      return null;
    }
  }

  async write(value: T): Promise<void> {
    const data = { value: JSON.stringify(value), updatedAt: isoNow(this.ctx) };
    this.doc = this.doc
      ? await this.doc.incrementalPatch(data)
      : await this.ctx.db.local_state.upsert({ id: this.key, ...data });
  }

  async remove(): Promise<void> {
    const doc = this.doc ?? (await this.ctx.db.local_state.findOne(this.key).exec());
    if (doc) await doc.getLatest().remove();
    this.doc = null;
  }
}

/** Every local_state document whose id starts with `prefix`, read through the primary key's order. */
export async function readLocalPrefix<T>(ctx: CoreContext, prefix: string): Promise<{ key: string; value: T }[]> {
  const docs = await ctx.db.local_state.find({ selector: { id: { $gte: prefix, $lt: `${prefix}\uffff` } }, sort: [{ id: 'asc' }] }).exec();
  const out: { key: string; value: T }[] = [];
  for (const doc of docs) {
    try {
      out.push({ key: doc.id, value: JSON.parse(doc.value) as T });
    } catch (error) {
      ctx.log.error('Unreadable local state; skipped', { key: doc.id, error });
    }
  }
  return out;
}
