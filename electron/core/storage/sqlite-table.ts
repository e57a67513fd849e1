/**
 * The SQL shape of one collection at one schema version: a row per document (its JSON plus the columns SQLite
 * needs to find it) and one TEXT column per schema index holding RxDB's indexable string for that index.
 */
import type Database from 'better-sqlite3';
import { getIndexableStringMonad, getPrimaryFieldOfPrimaryKey } from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import { TABLE_PREFIX } from './sqlite-connection';
import { toSortableText } from './sortable-text';

export interface IndexColumn<RxDocType> {
  /** The index as RxDB's query planner names it, e.g. ['_deleted', 'categoryId', 'price', 'id']. */
  readonly fields: readonly string[];
  readonly columnName: string;
  /** Quoted SQL name of the column. */
  readonly column: string;
  /** Quoted SQL name of the index over the column. */
  readonly sqlIndex: string;
  /** The value stored in the column for a document: RxDB's indexable string, made SQLite-sortable. */
  readonly valueOf: (doc: RxDocumentData<RxDocType>) => string;
}

export interface TableLayout<RxDocType> {
  /** Quoted SQL name of the table. */
  readonly table: string;
  readonly tableName: string;
  readonly primaryPath: string;
  readonly columns: readonly IndexColumn<RxDocType>[];
  /** The ['_meta.lwt', primary key] column: the order of getChangedDocumentsSince(). */
  readonly changesColumn: IndexColumn<RxDocType>;
}

const INDEX_COLUMN_PREFIX = 'ix:';

export function quoteIdentifier(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

export function indexKey(fields: readonly string[]): string {
  return fields.join(',');
}

function sqlIndexName(tableName: string, columnName: string): string {
  return `${tableName}:${columnName}`;
}

export function tableLayoutFor<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  collectionName: string,
): TableLayout<RxDocType> {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const tableName = `${TABLE_PREFIX}${collectionName}_v${schema.version}`;
  const changesFields = ['_meta.lwt', primaryPath];
  // RxDB's fillWithDefaultSettings() already adds the changes index; added here too so a hand-made schema works.
  const indexes = (schema.indexes ?? []).map((index) => (typeof index === 'string' ? [index] : [...index]));
  if (!indexes.some((fields) => indexKey(fields) === indexKey(changesFields))) indexes.push(changesFields);

  const uniqueIndexes = new Map(indexes.map((fields) => [indexKey(fields), fields] as const));
  const columns = [...uniqueIndexes.values()].map((fields): IndexColumn<RxDocType> => {
    const indexableString = getIndexableStringMonad(schema, fields);
    // The index itself is the column name: unique by construction and readable in the sqlite3 shell.
    const columnName = `${INDEX_COLUMN_PREFIX}${indexKey(fields)}`;
    return {
      fields,
      columnName,
      column: quoteIdentifier(columnName),
      sqlIndex: quoteIdentifier(sqlIndexName(tableName, columnName)),
      valueOf: (doc) => toSortableText(indexableString(doc)),
    };
  });
  const changesColumn = columns.find((column) => indexKey(column.fields) === indexKey(changesFields));
  if (!changesColumn) throw new Error(`SQLite storage: ${tableName} lost its changes index`);
  return { table: quoteIdentifier(tableName), tableName, primaryPath, columns, changesColumn };
}

/**
 * Creates the table and its indexes, or brings an existing table up to the layout when the schema gained or lost
 * an index without a version bump: a new index gets its column, filled from the stored documents; a dropped one
 * loses it.
 */
export function ensureTable<RxDocType>(db: Database.Database, layout: TableLayout<RxDocType>): void {
  const { table } = layout;
  db.transaction(() => {
    const indexColumns = layout.columns.map((c) => `${c.column} TEXT NOT NULL`).join(', ');
    // A rowid table (not WITHOUT ROWID): documents are a few hundred bytes, too big to live in a B-tree key.
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (id TEXT NOT NULL PRIMARY KEY, deleted INTEGER NOT NULL,` +
        ` lwt REAL NOT NULL, doc TEXT NOT NULL, ${indexColumns})`,
    );
    const existing = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(layout.tableName) as { name: string }[])
      .map((row) => row.name)
      .filter((name) => name.startsWith(INDEX_COLUMN_PREFIX));
    const wanted = new Set(layout.columns.map((c) => c.columnName));
    // A column of an index the schema no longer has would only cost space, and its NOT NULL would fail inserts.
    for (const name of existing.filter((name) => !wanted.has(name))) {
      db.exec(`DROP INDEX IF EXISTS ${quoteIdentifier(sqlIndexName(layout.tableName, name))}`);
      db.exec(`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(name)}`);
    }
    const missing = layout.columns.filter((c) => !existing.includes(c.columnName));
    for (const column of missing) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column.column} TEXT NOT NULL DEFAULT ''`);
    if (missing.length > 0) backfill(db, layout, missing);
    for (const column of layout.columns) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${column.sqlIndex} ON ${table} (${column.column})`);
    }
    // cleanup() purges old tombstones; a partial index keeps that cheap without indexing live documents.
    db.exec(
      `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${layout.tableName}:tombstones`)}` +
        ` ON ${table} (lwt) WHERE deleted = 1`,
    );
  }).immediate();
}

function backfill<RxDocType>(
  db: Database.Database,
  layout: TableLayout<RxDocType>,
  columns: readonly IndexColumn<RxDocType>[],
): void {
  const update = db.prepare(
    `UPDATE ${layout.table} SET ${columns.map((c) => `${c.column} = ?`).join(', ')} WHERE rowid = ?`,
  );
  const rows = db.prepare(`SELECT rowid AS rowid, doc FROM ${layout.table}`).all() as { rowid: number; doc: string }[];
  for (const row of rows) {
    const doc = JSON.parse(row.doc) as RxDocumentData<RxDocType>;
    update.run(...columns.map((c) => c.valueOf(doc)), row.rowid);
  }
}
