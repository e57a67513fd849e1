/**
 * Small JSON values that belong to this terminal only (the cart, parked carts, lockouts, sync bookkeeping): the
 * only writer of `local_state`, which never replicates. A record is written in place: RxDB's upsert of an existing
 * document costs a failed insert plus an update, and the cart is written on every scan.
 */
import type { RxDocument } from 'rxdb';
import type { KassaDatabase } from '../../../shared/db/collections';
import type { LocalStateDoc } from '../../../shared/model';
import type { Logger } from '../log';

export interface LocalStateDeps {
  db: KassaDatabase;
  now: () => number;
  log: Logger;
}

export class LocalRecord<T> {
  private doc: RxDocument<LocalStateDoc> | null = null;

  constructor(
    private readonly deps: LocalStateDeps,
    readonly key: string,
  ) {}

  /** The stored value, or null when there is none or it cannot be read (logged). */
  async read(): Promise<T | null> {
    this.doc = await this.deps.db.local_state.findOne(this.key).exec();
    if (!this.doc) return null;
    try {
      return JSON.parse(this.doc.value) as T;
    } catch (error) {
      this.deps.log.error('Unreadable local state; starting afresh', { key: this.key, error });
      return null;
    }
  }

  async write(value: T): Promise<void> {
    const data = { value: JSON.stringify(value), updatedAt: new Date(this.deps.now()).toISOString() };
    // A record that was read (or written) before is patched; otherwise it may still exist: upsert.
    this.doc = this.doc ? await this.doc.incrementalPatch(data) : await this.deps.db.local_state.upsert({ id: this.key, ...data });
  }

  async remove(): Promise<void> {
    const doc = this.doc ?? (await this.deps.db.local_state.findOne(this.key).exec());
    if (doc) await doc.getLatest().remove();
    this.doc = null;
  }
}

/** One value by key, `fallback` when there is none (or it is unreadable: logged). */
export async function readLocal<T>(deps: LocalStateDeps, key: string, fallback: T): Promise<T> {
  return (await new LocalRecord<T>(deps, key).read()) ?? fallback;
}

export async function writeLocal<T>(deps: LocalStateDeps, key: string, value: T): Promise<void> {
  await new LocalRecord<T>(deps, key).write(value);
}

/** Every record whose key starts with `prefix`, read through the primary key's order (unreadable ones skipped, logged). */
export async function readLocalPrefix<T>(deps: LocalStateDeps, prefix: string): Promise<{ key: string; value: T }[]> {
  const docs = await deps.db.local_state.find({ selector: { id: { $gte: prefix, $lt: `${prefix}\uffff` } }, sort: [{ id: 'asc' }] }).exec();
  const out: { key: string; value: T }[] = [];
  for (const doc of docs) {
    try {
      out.push({ key: doc.id, value: JSON.parse(doc.value) as T });
    } catch (error) {
      deps.log.error('Unreadable local state; skipped', { key: doc.id, error });
    }
  }
  return out;
}
