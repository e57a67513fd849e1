/**
 * One SQLite connection per database file, shared by every collection of that RxDB database in this process and
 * closed when the last storage instance lets go of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Subject } from 'rxjs';
import type { EventBulk, RxStorageChangeEvent, RxStorageDefaultCheckpoint } from 'rxdb';

export type SynchronousMode = 'FULL' | 'NORMAL';

export type StorageChangeBulk = EventBulk<RxStorageChangeEvent<unknown>, RxStorageDefaultCheckpoint>;

export interface StorageConnection {
  readonly file: string;
  readonly db: Database.Database;
  /**
   * One change stream per table, shared by every instance of that table in this process: a second RxDatabase
   * opened on the same name (tests, `ignoreDuplicate`) sees the writes of the first.
   */
  readonly changes: Map<string, Subject<StorageChangeBulk>>;
  refs: number;
}

/** Every table this storage creates starts with this, so we can tell whether a file still holds any data. */
export const TABLE_PREFIX = 'rx_';

const OPEN_CONNECTIONS = new Map<string, StorageConnection>();

/** How long a statement waits for a lock. Only another process can hold one (see acquireConnection). */
const BUSY_TIMEOUT_MS = 1000;

/**
 * Maps an RxDB database name to a file name that is valid on every platform and never escapes `directory`.
 * Letters, digits, '-' and '_' are kept; anything else becomes `~xxxx` (its UTF-16 code unit in hex).
 */
export function databaseFilePath(directory: string, databaseName: string): string {
  const safeName = databaseName.replace(
    /[^A-Za-z0-9_-]/g,
    (char) => '~' + char.charCodeAt(0).toString(16).padStart(4, '0'),
  );
  return path.resolve(directory, `${safeName}.sqlite3`);
}

/** The connection to `file`, opened on first use. `synchronous` is applied by the opener; later callers share it. */
export function acquireConnection(file: string, synchronous: SynchronousMode): StorageConnection {
  const open = OPEN_CONNECTIONS.get(file);
  if (open) {
    open.refs += 1;
    return open;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    configure(db, synchronous);
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new Error(
        `The till database ${file} is in use by another process. Only one Kassa process may open it at a time.`,
        { cause: error },
      );
    }
    throw error;
  }
  const connection: StorageConnection = { file, db, changes: new Map(), refs: 1 };
  OPEN_CONNECTIONS.set(file, connection);
  return connection;
}

/**
 * Drops one reference; the last one closes the file. A file left without any of our tables (every collection
 * was removed) is deleted together with its WAL, so `RxDatabase.remove()` leaves nothing behind.
 */
export function releaseConnection(connection: StorageConnection): void {
  connection.refs -= 1;
  if (connection.refs > 0) return;
  OPEN_CONNECTIONS.delete(connection.file);
  for (const changes of connection.changes.values()) changes.complete();
  connection.changes.clear();
  const empty = countOwnTables(connection.db) === 0;
  connection.db.close();
  if (empty) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(connection.file + suffix, { force: true });
  }
}

export function changesOf(connection: StorageConnection, table: string): Subject<StorageChangeBulk> {
  let changes = connection.changes.get(table);
  if (!changes) {
    changes = new Subject<StorageChangeBulk>();
    connection.changes.set(table, changes);
  }
  return changes;
}

function configure(db: Database.Database, synchronous: SynchronousMode): void {
  // Exclusive locking before WAL: SQLite then keeps the WAL index in process memory (no -shm file) and holds the
  // file lock for the connection's life. That is what makes "multiInstance is not supported" a guarantee instead
  // of a hope: a second process gets a clear error at open instead of silently diverging caches.
  db.pragma('locking_mode = EXCLUSIVE');
  const journalMode: unknown = db.pragma('journal_mode = WAL', { simple: true });
  if (journalMode !== 'wal') throw new Error(`SQLite refused WAL mode for ${db.name} (got ${String(journalMode)})`);
  // FULL: a committed bulkWrite survives a power cut, which a till must expect. NORMAL may lose the last commits.
  db.pragma(`synchronous = ${synchronous}`);
  // 32 MiB page cache: a 100k-product catalog's indexes stay in memory after the first queries.
  db.pragma('cache_size = -32768');
  // Take the write lock now, so a second process fails here, at open, and not at its first sale.
  db.exec('BEGIN IMMEDIATE; COMMIT;');
}

function countOwnTables(db: Database.Database): number {
  const row = db
    .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND substr(name, 1, length(?)) = ?")
    .get(TABLE_PREFIX, TABLE_PREFIX) as { n: number };
  return row.n;
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');
}
