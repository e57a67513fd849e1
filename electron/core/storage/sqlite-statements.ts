/**
 * The prepared statements of one storage instance. Preparing costs more than running a small statement, so each
 * is prepared once per instance; range scans are prepared on first use, one per (index, bound kinds, shape).
 */
import type Database from 'better-sqlite3';
import type { IndexColumn, TableLayout } from './sqlite-table';

/** A document as looked up by id. */
export interface StoredRow {
  id: string;
  doc: string;
}

/** What a range scan returns: matching rows as JSON, a page of them (LIMIT/OFFSET), or their number. */
export type RangeShape = 'rows' | 'page' | 'count';

export interface TableStatements<RxDocType> {
  /** (id, deleted, lwt, doc, ...index values) */
  readonly insert: Database.Statement;
  /** (deleted, lwt, doc, ...index values, id) */
  readonly update: Database.Statement;
  /** (JSON array of ids) → StoredRow, deleted ones included */
  readonly docsByIds: Database.Statement;
  /** (JSON array of ids) → StoredRow of documents that are not deleted */
  readonly liveDocsByIds: Database.Statement;
  /** (limit) → doc JSON in changes order */
  readonly changesFromStart: Database.Statement;
  /** (changes-index value of the checkpoint, limit) → doc JSON in changes order after the checkpoint */
  readonly changesAfter: Database.Statement;
  /** (maximum lwt, batch size) → number of tombstones purged */
  readonly purgeTombstones: Database.Statement;
  /** (lower, upper[, limit, offset]) over one index column, ordered by it. */
  range(
    column: IndexColumn<RxDocType>,
    inclusiveStart: boolean,
    inclusiveEnd: boolean,
    shape: RangeShape,
  ): Database.Statement;
}

export function prepareStatements<RxDocType>(
  db: Database.Database,
  layout: TableLayout<RxDocType>,
): TableStatements<RxDocType> {
  const { table, columns, changesColumn } = layout;
  const indexColumns = columns.map((c) => c.column);
  const rangeCache = new Map<string, Database.Statement>();

  return {
    insert: db.prepare(
      `INSERT INTO ${table} (id, deleted, lwt, doc, ${indexColumns.join(', ')})` +
        ` VALUES (?, ?, ?, ?, ${indexColumns.map(() => '?').join(', ')})`,
    ),
    update: db.prepare(
      `UPDATE ${table} SET deleted = ?, lwt = ?, doc = ?, ${indexColumns.map((c) => `${c} = ?`).join(', ')}` +
        ` WHERE id = ?`,
    ),
    // json_each() keeps this one statement for any number of ids, instead of one per IN-list length.
    docsByIds: db.prepare(`SELECT id, doc FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`),
    liveDocsByIds: db.prepare(
      `SELECT id, doc FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0`,
    ),
    changesFromStart: db
      .prepare(`SELECT doc FROM ${table} ORDER BY ${changesColumn.column} LIMIT ?`)
      .pluck(),
    changesAfter: db
      .prepare(`SELECT doc FROM ${table} WHERE ${changesColumn.column} > ? ORDER BY ${changesColumn.column} LIMIT ?`)
      .pluck(),
    purgeTombstones: db.prepare(
      `DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE deleted = 1 AND lwt <= ? LIMIT ?)`,
    ),
    range(column, inclusiveStart, inclusiveEnd, shape) {
      const key = `${column.column}|${inclusiveStart}|${inclusiveEnd}|${shape}`;
      let statement = rangeCache.get(key);
      if (!statement) {
        statement = prepareRange(db, table, column.column, inclusiveStart, inclusiveEnd, shape);
        rangeCache.set(key, statement);
      }
      return statement;
    },
  };
}

function prepareRange(
  db: Database.Database,
  table: string,
  column: string,
  inclusiveStart: boolean,
  inclusiveEnd: boolean,
  shape: RangeShape,
): Database.Statement {
  const where = `${column} ${inclusiveStart ? '>=' : '>'} ? AND ${column} ${inclusiveEnd ? '<=' : '<'} ?`;
  switch (shape) {
    case 'count':
      return db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`).pluck();
    case 'page':
      return db.prepare(`SELECT doc FROM ${table} WHERE ${where} ORDER BY ${column} LIMIT ? OFFSET ?`).pluck();
    case 'rows':
      return db.prepare(`SELECT doc FROM ${table} WHERE ${where} ORDER BY ${column}`).pluck();
  }
}
