/**
 * Run in a fresh process by the storage suite: opens the SQLite product database that the suite filled and
 * answers the first catalog screen. Prints `{"ms": <time from createRxDatabase to the first answer>}`.
 * Module loading is not counted: a packaged app loads its code from a bundle, not through tsx.
 *
 * Usage: node --import tsx bench/support/cold-start-child.ts <directory> <database name> <category id>
 */
import { getRxStorageSQLite } from '../../electron/core/storage/sqlite-storage';
import { categoryPage, openProductDatabase } from './product-db';

async function main(): Promise<void> {
  const [directory, name, categoryId] = process.argv.slice(2);
  if (!directory || !name || !categoryId) {
    throw new Error('usage: cold-start-child.ts <directory> <name> <category id>');
  }
  const started = performance.now();
  const db = await openProductDatabase(name, getRxStorageSQLite({ directory }));
  const firstPage = await categoryPage(db, categoryId, 0);
  const ms = performance.now() - started;
  if (firstPage.length === 0) throw new Error('cold start: the first query found no products');
  await db.close();
  process.stdout.write(JSON.stringify({ ms }) + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
