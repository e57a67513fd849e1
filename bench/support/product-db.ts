/**
 * The benchmark's product database: RxDB with one `products` collection on the storage under test, and the two
 * catalog reads a till makes all day (a category page sorted by name; a barcode scan) as timed workloads.
 */
import { createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxStorage } from 'rxdb';
import { tillCollection } from '../../electron/core/db/open-database';
import type { ProductDoc } from '../../shared/model';

export type ProductDatabase = RxDatabase<{ products: RxCollection<ProductDoc> }>;

export const PAGE_SIZE = 50;

export async function openProductDatabase(
  name: string,
  storage: RxStorage<unknown, unknown>,
): Promise<ProductDatabase> {
  const db = await createRxDatabase<{ products: RxCollection<ProductDoc> }>({
    name,
    storage,
    multiInstance: false,
    eventReduce: true,
  });
  // As the till opens it (schema version, migrations and their plugin), or RxDB refuses a schema past version 0.
  await db.addCollections({ products: tillCollection('products') });
  return db;
}

/** The catalog screen: one page of a category, by name. Uses the ['categoryId', 'name'] index. */
export function categoryPage(db: ProductDatabase, categoryId: string, page: number) {
  return db.products
    .find({ selector: { categoryId }, sort: [{ name: 'asc' }], skip: page * PAGE_SIZE, limit: PAGE_SIZE })
    .exec();
}

/** The scanner: one product by barcode. Uses the ['barcode'] index. */
export function byBarcode(db: ProductDatabase, barcode: string) {
  return db.products.findOne({ selector: { barcode } }).exec();
}

export async function timeEach<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await work(item);
    times.push(performance.now() - started);
  }
  return times;
}

export function percentile(times: readonly number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? NaN;
}
