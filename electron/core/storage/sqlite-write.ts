/**
 * bulkWrite on SQLite: decide per row (insert, update, conflict) with RxDB's categorizeBulkWriteRows against the
 * rows as they are inside the transaction, then write every accepted row in that same transaction. Either all
 * accepted rows are on disk or, if anything throws, none is.
 */
import { categorizeBulkWriteRows } from 'rxdb';
import type {
  BulkWriteRow,
  BulkWriteRowProcessed,
  RxDocumentData,
  RxStorageChangeEvent,
  RxStorageInstance,
  RxStorageWriteError,
  StringKeys,
} from 'rxdb';
import type Database from 'better-sqlite3';
import { parseDoc } from './sqlite-query';
import type { StoredRow, TableStatements } from './sqlite-statements';
import type { TableLayout } from './sqlite-table';

export interface WriteTarget<RxDocType> {
  readonly db: Database.Database;
  readonly layout: TableLayout<RxDocType>;
  readonly statements: TableStatements<RxDocType>;
  /** The instance, for categorizeBulkWriteRows (it reads `schema` from it). */
  readonly instance: RxStorageInstance<RxDocType, unknown, unknown>;
}

export interface WriteOutcome<RxDocType> {
  readonly errors: RxStorageWriteError<RxDocType>[];
  readonly events: RxStorageChangeEvent<RxDocType>[];
  /** The last document written, whose {id, lwt} becomes the checkpoint of the change event bulk. */
  readonly newest: RxDocumentData<RxDocType> | undefined;
}

/** Runs synchronously inside one SQLite transaction; throws (and rolls back everything) on any failure. */
export function writeRows<RxDocType>(
  target: WriteTarget<RxDocType>,
  rows: BulkWriteRow<RxDocType>[],
  context: string,
): WriteOutcome<RxDocType> {
  return target.db.transaction(() => {
    const errors: RxStorageWriteError<RxDocType>[] = [];
    const events: RxStorageChangeEvent<RxDocType>[] = [];
    let newest: RxDocumentData<RxDocType> | undefined;
    for (const segment of segmentsWithUniqueIds(rows, target.layout.primaryPath)) {
      const docsInDb = readCurrent(target, segment);
      const categorized = categorizeBulkWriteRows<RxDocType>(
        target.instance,
        target.layout.primaryPath as StringKeys<RxDocType>,
        docsInDb,
        segment,
        context,
      );
      for (const row of categorized.bulkInsertDocs) insertRow(target, row);
      for (const row of categorized.bulkUpdateDocs) updateRow(target, row);
      errors.push(...categorized.errors);
      events.push(...categorized.eventBulk.events);
      if (categorized.newestRow) newest = categorized.newestRow.document;
    }
    return { errors, events, newest };
  }).immediate();
}

/**
 * categorizeBulkWriteRows() judges every row against the state before the batch. Two writes to one document in a
 * batch would then both pass as inserts (or both be judged against the old revision); cutting the batch where an
 * id repeats judges the second write against the first, the way a sequence of single writes would.
 */
function segmentsWithUniqueIds<RxDocType>(
  rows: BulkWriteRow<RxDocType>[],
  primaryPath: string,
): BulkWriteRow<RxDocType>[][] {
  const segments: BulkWriteRow<RxDocType>[][] = [];
  let current: BulkWriteRow<RxDocType>[] = [];
  let ids = new Set<string>();
  for (const row of rows) {
    const id = idOf(row.document, primaryPath);
    if (ids.has(id)) {
      segments.push(current);
      current = [];
      ids = new Set();
    }
    ids.add(id);
    current.push(row);
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

function readCurrent<RxDocType>(
  target: WriteTarget<RxDocType>,
  rows: BulkWriteRow<RxDocType>[],
): Map<string, RxDocumentData<RxDocType>> {
  const { primaryPath } = target.layout;
  const ids = rows.map((row) => idOf(row.document, primaryPath));
  const docsInDb = new Map<string, RxDocumentData<RxDocType>>();
  for (const row of target.statements.docsByIds.all(JSON.stringify(ids)) as StoredRow[]) {
    docsInDb.set(row.id, parseDoc<RxDocType>(row.doc));
  }
  return docsInDb;
}

function insertRow<RxDocType>(target: WriteTarget<RxDocType>, row: BulkWriteRowProcessed<RxDocType>): void {
  const doc = row.document;
  target.statements.insert.run(
    idOf(doc, target.layout.primaryPath),
    doc._deleted ? 1 : 0,
    doc._meta.lwt,
    JSON.stringify(doc),
    ...target.layout.columns.map((column) => column.valueOf(doc)),
  );
}

function updateRow<RxDocType>(target: WriteTarget<RxDocType>, row: BulkWriteRowProcessed<RxDocType>): void {
  const doc = row.document;
  const result = target.statements.update.run(
    doc._deleted ? 1 : 0,
    doc._meta.lwt,
    JSON.stringify(doc),
    ...target.layout.columns.map((column) => column.valueOf(doc)),
    idOf(doc, target.layout.primaryPath),
  );
  // categorizeBulkWriteRows saw the row inside this transaction, so it must still be there.
  if (result.changes !== 1) throw new Error(`SQLite storage: update of a missing row in ${target.layout.tableName}`);
}

function idOf(doc: object, primaryPath: string): string {
  const id: unknown = (doc as Record<string, unknown>)[primaryPath];
  if (typeof id !== 'string' || id.length === 0) {
    throw new Error(`SQLite storage: a document has no string primary key '${primaryPath}'`);
  }
  return id;
}
