/**
 * Keeps the `edits` counter of shared documents (catalog, users, settings) that the conflict rule compares.
 * Installed as RxDB hooks, so every local write counts whichever API it uses (insert, patch, modify, upsert);
 * writes made by the replication itself bypass hooks and keep the counter they arrived with.
 */
import type { KassaDatabase } from '../../../shared/db/collections';
import { SHARED_COLLECTIONS } from '../../../shared/sync/sync-policy';

interface Counted {
  edits?: number;
}

const countOf = (doc: Counted | undefined): number =>
  typeof doc?.edits === 'number' && Number.isSafeInteger(doc.edits) && doc.edits > 0 ? doc.edits : 0;

export function installEditCounters(db: KassaDatabase): void {
  for (const name of SHARED_COLLECTIONS) {
    const collection = db[name];
    collection.preInsert((data: Counted) => {
      // A document imported with its history keeps its count; a new one starts at 1.
      data.edits = Math.max(1, countOf(data));
    }, false);
    collection.preSave((data: Counted, previous: Counted) => {
      data.edits = countOf(previous) + 1;
    }, false);
  }
}
