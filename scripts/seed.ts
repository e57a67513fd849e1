/**
 * `npm run seed -- --products 100000 [--data-dir .kassa] [--seed 1]`: fills a till's store with a generated
 * catalog (categories, products with valid EAN-13 barcodes, prices in minor units, tax classes). Ids are
 * deterministic, so running it twice adds nothing the second time. Stop the till that uses the store first.
 */
import { openDatabase } from '../electron/core/db/open-database';
import { seedCatalog } from '../electron/core/services/demo-data';
import { resolveTillConfig } from '../electron/host/till-config';

function numberFlag(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, not "${argv[i + 1] ?? ''}"`);
  return value;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const config = resolveTillConfig(argv, process.env, process.cwd());
  const products = numberFlag(argv, 'products', 10_000);
  const seed = numberFlag(argv, 'seed', 1);
  const started = performance.now();
  const db = await openDatabase({ dataDir: config.dataDir });
  try {
    const written = await seedCatalog({ db }, products, seed);
    const total = await db.products.count().exec();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Seeded ${written} new products (${total} in the store) into ${config.dataDir} in ${seconds} s\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
