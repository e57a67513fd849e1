/**
 * Documents the server refused (its validate_doc_update said no), kept in this terminal's local state so a
 * manager can see them, with the server's reason, until a retry gets them accepted. The documents themselves
 * stay in the store; this list only names them.
 */
import type { RejectedDocView } from '../../../shared/api/commands/sync-commands';
import type { KassaDatabase } from '../../../shared/db/collections';
import type { Logger } from '../log';
import { LocalRecord } from '../services/local-state';
import type { RejectedWrite } from './couch-fetch';
import type { ReplicatedCollection } from '../../../shared/sync/sync-names';

const KEY = 'sync:rejections';
/** A list that grows past this is a misconfigured server, not a handful of bad documents: keep the newest. */
const MAX_ENTRIES = 5_000;

export class RejectionList {
  private entries = new Map<string, RejectedDocView>();
  private saving: Promise<void> = Promise.resolve();
  private readonly record: LocalRecord<RejectedDocView[]>;

  constructor(
    db: KassaDatabase,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly onChange: () => void,
  ) {
    this.record = new LocalRecord({ db, now, log }, KEY);
  }

  async load(): Promise<void> {
    const list = await this.record.read();
    if (list) this.entries = new Map(list.map((e) => [keyOf(e.collection, e.docId), e]));
  }

  list(): RejectedDocView[] {
    return [...this.entries.values()].sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0));
  }

  get size(): number {
    return this.entries.size;
  }

  has(collection: ReplicatedCollection, docId: string): boolean {
    return this.entries.has(keyOf(collection, docId));
  }

  rejected(collection: ReplicatedCollection, rows: RejectedWrite[]): void {
    const at = new Date(this.now()).toISOString();
    for (const row of rows) {
      const key = keyOf(collection, row.id);
      const before = this.entries.get(key);
      this.entries.set(key, {
        collection,
        docId: row.id,
        error: row.error,
        reason: row.reason.slice(0, 500),
        firstAt: before?.firstAt ?? at,
        lastAt: at,
        attempts: (before?.attempts ?? 0) + 1,
      });
    }
    const first = rows[0];
    if (first) {
      this.log.warn('The server refused documents; they are listed for a manager', {
        collection,
        count: rows.length,
        firstDocId: first.id,
        error: first.error,
        reason: first.reason,
      });
    }
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.list().at(-1);
      if (!oldest) break;
      this.entries.delete(keyOf(oldest.collection, oldest.docId));
    }
    this.persist();
  }

  /** Documents the server took: any earlier refusal of them is settled. */
  accepted(collection: ReplicatedCollection, ids: readonly string[]): void {
    if (this.entries.size === 0) return;
    let changed = false;
    for (const id of ids) changed = this.entries.delete(keyOf(collection, id)) || changed;
    if (changed) this.persist();
  }

  private persist(): void {
    const list = this.list();
    this.onChange();
    this.saving = this.saving
      .then(() => this.record.write(list))
      .then(
        () => undefined,
        (error: unknown) => this.log.error('Could not save the list of rejected documents', { error }),
      );
  }

  /** Waits for pending saves (before the store closes). */
  flushed(): Promise<void> {
    return this.saving;
  }
}

function keyOf(collection: string, docId: string): string {
  return `${collection}\u0000${docId}`;
}
