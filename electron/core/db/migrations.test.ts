/**
 * The migration path on the real SQLite storage: a store written with schema v0 is opened by code that knows
 * v1, and RxDB rewrites every stored document through the strategy. This is the mechanism every future schema
 * change (shared/db/collections.ts) relies on.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import type { ProductDoc } from '../../../shared/model';
import { getRxStorageSQLite } from '../storage/sqlite-storage';
import { makeTempDir } from '../test-support/temp-till';
import { openDatabase } from './open-database';
import { COLLECTIONS } from '../../../shared/db/collections';
import { productSchema } from '../../../shared/db/schemas';

type ProductV1 = ProductDoc & { brand: string };
const productSchemaV1: RxJsonSchema<ProductV1> = {
  ...productSchema,
  version: 1,
  properties: { ...productSchema.properties, brand: { type: 'string', maxLength: 60 } },
  required: [...(productSchema.required as string[]), 'brand'],
} as RxJsonSchema<ProductV1>;

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('schema migration', () => {
  it('migrates every stored product from v0 to v1 when the store is opened, and keeps them after a restart', async () => {
    dir = makeTempDir();
    const { products } = generateCatalog({ products: 300, seed: 7 });
    const v0 = await openDatabase({ dataDir: dir });
    await v0.products.bulkInsert(products);
    await v0.close();

    const open = async () => {
      const db = await createRxDatabase<{ products: RxCollection<ProductV1> }>({ name: 'kassa', storage: getRxStorageSQLite({ directory: dir }), multiInstance: false });
      await db.addCollections({
        products: {
          schema: productSchemaV1,
          migrationStrategies: { 1: (old: ProductDoc) => ({ ...old, brand: old.name.split(' ')[0] ?? '' }) },
        },
      });
      return db;
    };
    const v1 = await open();
    expect(await v1.products.count().exec()).toBe(300);
    const first = (await v1.products.findOne(products[0]!.id).exec())!.toJSON() as ProductV1;
    expect(first.brand).toBe(products[0]!.name.split(' ')[0]);
    await v1.close();

    const again = await open();
    const all = await again.products.find().exec();
    expect(all).toHaveLength(300);
    expect(all.every((d) => typeof (d.toJSON() as ProductV1).brand === 'string')).toBe(true);
    await again.close();
  });

  it('keeps every collection of the store at or under the open-core limit of 13', () => {
    expect(Object.keys(COLLECTIONS).length).toBeLessThanOrEqual(13);
  });
});
