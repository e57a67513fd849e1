/**
 * A durable RxStorage for RxDB 17 on better-sqlite3: one SQLite file per RxDB database inside `directory`, one
 * table per collection and schema version. What it does not do, on purpose:
 * - attachments: a schema with `attachments` is refused at creation;
 * - several processes on one file: the file is locked by the process that opened it (RxDB's `multiInstance`
 *   flag is accepted, since RxDB sets it by default, but only instances inside this process share changes).
 * And unlike rxdb's memory storage, count() says 'slow' when the index does not settle the selector (like RxDB's
 * other persistent storages): RxDB then refuses the count unless the database has `allowSlowCount: true`.
 */
import { ensureRxStorageInstanceParamsAreCorrect, RXDB_VERSION } from 'rxdb';
import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';
import { acquireConnection, databaseFilePath, releaseConnection } from './sqlite-connection';
import type { SynchronousMode } from './sqlite-connection';
import { SQLiteStorageInstance } from './sqlite-instance';
import type { SQLiteInstanceOptions, SQLiteStorageInternals } from './sqlite-instance';
import { prepareStatements } from './sqlite-statements';
import { ensureTable, tableLayoutFor } from './sqlite-table';

export interface SQLiteStorageOptions {
  /** Folder holding one `<database name>.sqlite3` file per RxDB database; created if missing. */
  directory: string;
  /** 'FULL' (default) survives power loss; 'NORMAL' may lose the last commits on power loss, never corrupts. */
  synchronous?: SynchronousMode;
}

export type SQLiteStorage = RxStorage<SQLiteStorageInternals, SQLiteInstanceOptions>;

export const SQLITE_STORAGE_NAME = 'kassa-sqlite';

export function getRxStorageSQLite(options: SQLiteStorageOptions): SQLiteStorage {
  const synchronous = options.synchronous ?? 'FULL';
  return {
    name: SQLITE_STORAGE_NAME,
    rxdbVersion: RXDB_VERSION,
    createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, SQLiteInstanceOptions>,
    ): Promise<RxStorageInstance<RxDocType, SQLiteStorageInternals, SQLiteInstanceOptions>> {
      try {
        const instance: RxStorageInstance<RxDocType, SQLiteStorageInternals, SQLiteInstanceOptions> = createInstance(
          options.directory,
          synchronous,
          params,
        );
        return Promise.resolve(instance);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

function createInstance<RxDocType>(
  directory: string,
  synchronous: SynchronousMode,
  params: RxStorageInstanceCreationParams<RxDocType, SQLiteInstanceOptions>,
): SQLiteStorageInstance<RxDocType> {
  ensureRxStorageInstanceParamsAreCorrect(params);
  if (params.schema.attachments) {
    throw new Error(
      `SQLite storage does not store attachments (collection ${params.collectionName}). ` +
        'Remove `attachments` from the schema and keep files outside the database.',
    );
  }
  const layout = tableLayoutFor(params.schema, params.collectionName);
  const connection = acquireConnection(databaseFilePath(directory, params.databaseName), synchronous);
  try {
    ensureTable(connection.db, layout);
    return new SQLiteStorageInstance<RxDocType>({
      databaseName: params.databaseName,
      collectionName: params.collectionName,
      schema: params.schema,
      options: params.options,
      connection,
      layout,
      statements: prepareStatements(connection.db, layout),
    });
  } catch (error) {
    releaseConnection(connection);
    throw error;
  }
}
