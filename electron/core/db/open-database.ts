/** Opens (or creates) the till's RxDB database on the durable SQLite storage in the data directory. */
import { mkdirSync } from 'node:fs';
import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageSQLite } from '../storage/sqlite-storage';
import { syncConflictHandler } from '../sync/conflict-rule';
import { installEditCounters } from '../sync/edit-counter';
import { COLLECTIONS, type KassaCollections, type KassaDatabase } from '../../../shared/db/collections';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type { KassaDatabase };

export interface OpenDatabaseOptions {
  dataDir: string;
  /** Tests and benchmarks may pass another storage (e.g. rxdb's memory storage) to compare. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  storage?: RxStorage<any, any>;
  name?: string;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<KassaDatabase> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await createRxDatabase<KassaCollections>({
    name: options.name ?? 'kassa',
    storage: options.storage ?? getRxStorageSQLite({ directory: options.dataDir }),
    // One process owns the store (Electron main or the browser host); a second till uses its own data dir.
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  try {
    const specs = Object.fromEntries(
      Object.entries(COLLECTIONS).map(([name, spec]) => [
        name,
        { schema: spec.schema, migrationStrategies: spec.migrationStrategies, autoMigrate: true, conflictHandler: syncConflictHandler(name) },
      ]),
    );
    await db.addCollections(specs);
    installEditCounters(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
