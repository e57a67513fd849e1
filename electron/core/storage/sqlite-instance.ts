/**
 * The RxStorageInstance of one collection (at one schema version): one table in the database's SQLite file.
 * better-sqlite3 is synchronous, so every call runs to completion in one turn and calls never interleave.
 */
import type { Observable } from 'rxjs';
import type {
  BulkWriteRow,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageQueryResult,
} from 'rxdb';
import { changesOf, releaseConnection } from './sqlite-connection';
import type { StorageChangeBulk, StorageConnection } from './sqlite-connection';
import { countDocuments, parseDoc, queryDocuments } from './sqlite-query';
import type { StoredRow, TableStatements } from './sqlite-statements';
import type { TableLayout } from './sqlite-table';
import { writeRows } from './sqlite-write';

export interface SQLiteStorageInternals {
  /** Absolute path of the database file. */
  readonly file: string;
  readonly tableName: string;
}

/** Per-collection options: none yet. Storage-wide settings are given to getRxStorageSQLite(). */
export type SQLiteInstanceOptions = Record<string, never>;

export type ChangeBulk<RxDocType> = EventBulk<RxStorageChangeEvent<RxDocType>, RxStorageDefaultCheckpoint>;

/** SQLite's "no limit". */
const NO_LIMIT = -1;

/** Tombstones purged per cleanup() call, so one call never holds the write lock for long. */
const CLEANUP_BATCH = 5000;

let eventBulkCounter = 0;

export interface SQLiteInstanceParts<RxDocType> {
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: RxJsonSchema<RxDocumentData<RxDocType>>;
  readonly options: SQLiteInstanceOptions;
  readonly connection: StorageConnection;
  readonly layout: TableLayout<RxDocType>;
  readonly statements: TableStatements<RxDocType>;
}

export class SQLiteStorageInstance<RxDocType>
  implements RxStorageInstance<RxDocType, SQLiteStorageInternals, SQLiteInstanceOptions, RxStorageDefaultCheckpoint>
{
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>;
  readonly options: Readonly<SQLiteInstanceOptions>;
  readonly internals: Readonly<SQLiteStorageInternals>;
  private readonly connection: StorageConnection;
  private readonly layout: TableLayout<RxDocType>;
  private readonly statements: TableStatements<RxDocType>;
  private closed = false;

  constructor(parts: SQLiteInstanceParts<RxDocType>) {
    this.databaseName = parts.databaseName;
    this.collectionName = parts.collectionName;
    this.schema = parts.schema;
    this.options = parts.options;
    this.connection = parts.connection;
    this.layout = parts.layout;
    this.statements = parts.statements;
    this.internals = { file: parts.connection.file, tableName: parts.layout.tableName };
  }

  bulkWrite(rows: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    return this.run('bulkWrite', () => {
      if (rows.length === 0) return { error: [] };
      const outcome = this.writeOrExplain(rows, context);
      // Emitted only now, after writeRows() returned: the transaction has committed.
      if (outcome.newest && outcome.events.length > 0) {
        const bulk: ChangeBulk<RxDocType> = {
          id: `sqlite-${process.pid}-${++eventBulkCounter}`,
          events: outcome.events,
          checkpoint: { id: this.idOf(outcome.newest), lwt: outcome.newest._meta.lwt },
          context,
        };
        this.changes().next(bulk as StorageChangeBulk);
      }
      return { error: outcome.errors };
    });
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<RxDocType>[]> {
    return this.run('findDocumentsById', () => {
      if (ids.length === 0) return [];
      const statement = withDeleted ? this.statements.docsByIds : this.statements.liveDocsByIds;
      const found = new Map<string, string>();
      for (const row of statement.all(JSON.stringify(ids)) as StoredRow[]) found.set(row.id, row.doc);
      // In the order asked for, one per requested id (as rxdb's memory storage answers), each a fresh object.
      const docs: RxDocumentData<RxDocType>[] = [];
      for (const id of ids) {
        const json = found.get(id);
        if (json !== undefined) docs.push(parseDoc<RxDocType>(json));
      }
      return docs;
    });
  }

  query(prepared: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    return this.run('query', () => ({ documents: queryDocuments(this.target(), prepared) }));
  }

  count(prepared: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    return this.run('count', () => countDocuments(this.target(), prepared));
  }

  getAttachmentData(documentId: string, attachmentId: string): Promise<Blob> {
    return Promise.reject(
      new Error(
        `SQLite storage does not store attachments (asked for ${attachmentId} of ${documentId} in ` +
          `${this.collectionName}). Keep files outside the database and store their path or URL in the document.`,
      ),
    );
  }

  /**
   * Documents changed after the checkpoint, deleted ones included, in (lwt, id) order. The order and the
   * "after" test both use the ['_meta.lwt', id] index column, so paging can neither skip nor repeat a document.
   */
  getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    return this.run('getChangedDocumentsSince', () => {
      const sqlLimit = Number.isFinite(limit) ? limit : NO_LIMIT;
      const rows = checkpoint
        ? this.statements.changesAfter.all(this.changesKeyOf(checkpoint), sqlLimit)
        : this.statements.changesFromStart.all(sqlLimit);
      const documents = (rows as string[]).map(parseDoc<RxDocType>);
      const last = documents[documents.length - 1];
      return {
        documents,
        checkpoint: last ? { id: this.idOf(last), lwt: last._meta.lwt } : (checkpoint ?? { id: '', lwt: 0 }),
      };
    });
  }

  changeStream(): Observable<ChangeBulk<RxDocType>> {
    this.ensureOpen('changeStream');
    return this.changes().asObservable() as unknown as Observable<ChangeBulk<RxDocType>>;
  }

  /** Purges tombstones older than minimumDeletedTime; false when more remain for another call. */
  cleanup(minimumDeletedTime: number): Promise<boolean> {
    return this.run('cleanup', () => {
      const maxLwt = Date.now() - minimumDeletedTime;
      const purged = this.statements.purgeTombstones.run(maxLwt, CLEANUP_BATCH).changes;
      return purged < CLEANUP_BATCH;
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    releaseConnection(this.connection);
    return Promise.resolve();
  }

  /** Drops this collection's table; the file goes too once it holds no table and no instance uses it. */
  remove(): Promise<void> {
    return this.run('remove', () => {
      this.connection.db.exec(`DROP TABLE IF EXISTS ${this.layout.table}`);
      const changes = this.connection.changes.get(this.layout.tableName);
      this.connection.changes.delete(this.layout.tableName);
      changes?.complete();
    }).then(() => this.close());
  }

  private writeOrExplain(rows: BulkWriteRow<RxDocType>[], context: string) {
    try {
      return writeRows({ ...this.target(), db: this.connection.db, instance: this }, rows, context);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `SQLite storage: bulkWrite of ${rows.length} row(s) to ${this.databaseName}/${this.collectionName} ` +
          `failed and was rolled back, nothing was written: ${reason}`,
        { cause: error },
      );
    }
  }

  private target() {
    return { schema: this.schema, layout: this.layout, statements: this.statements };
  }

  private changes() {
    return changesOf(this.connection, this.layout.tableName);
  }

  /** The ['_meta.lwt', id] index value a document at the checkpoint would have. */
  private changesKeyOf(checkpoint: RxStorageDefaultCheckpoint): string {
    const atCheckpoint = { [this.layout.primaryPath]: checkpoint.id, _meta: { lwt: checkpoint.lwt } };
    return this.layout.changesColumn.valueOf(atCheckpoint as unknown as RxDocumentData<RxDocType>);
  }

  private idOf(doc: RxDocumentData<RxDocType>): string {
    return String((doc as Record<string, unknown>)[this.layout.primaryPath]);
  }

  /** Runs a synchronous SQLite call as the promise the interface wants; a throw becomes a rejection. */
  private run<T>(operation: string, work: () => T): Promise<T> {
    try {
      this.ensureOpen(operation);
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private ensureOpen(operation: string): void {
    if (this.closed) {
      throw new Error(`SQLite storage: ${operation}() on ${this.databaseName}/${this.collectionName} after close()`);
    }
  }
}
