/** Opens (or creates) the till's RxDB database on the durable SQLite storage in the data directory. */
import { mkdirSync } from 'node:fs';
import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageSQLite } from '../storage/sqlite-storage';
import { syncConflictHandler } from '../sync/conflict-rule';
import { installEditCounters } from '../sync/edit-counter';
import { COLLECTIONS, type CollectionName, type KassaCollections, type KassaDatabase } from '../../../shared/db/collections';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type { KassaDatabase };

export interface OpenDatabaseOptions {
  dataDir: string;
  /** Tests and benchmarks may pass another storage (e.g. rxdb's memory storage) to compare. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  storage?: RxStorage<any, any>;
  name?: string;
}

/**
 * A collection as the till adds it: its schema, the migrations from every older version (the plugin registered
 * above runs them) and its sync conflict rule. The benchmarks open single collections on other storages with it.
 */
export function tillCollection(name: CollectionName) {
  const spec = COLLECTIONS[name];
  return { schema: spec.schema, migrationStrategies: spec.migrationStrategies, autoMigrate: true, conflictHandler: syncConflictHandler(name) };
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
    const specs = Object.fromEntries((Object.keys(COLLECTIONS) as CollectionName[]).map((name) => [name, tillCollection(name)]));
    await db.addCollections(specs);
    installEditCounters(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
