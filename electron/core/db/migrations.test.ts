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
import { productSchema, stockMovementSchema } from '../../../shared/db/schemas';
import { upgradeDoc } from '../../../shared/db/migrations';

type ProductV1 = ProductDoc & { brand: string };
/** The products schema one version after today's, whatever today's is (products went to v1 with the back office). */
const NEXT_VERSION = productSchema.version + 1;
const productSchemaV1: RxJsonSchema<ProductV1> = {
  ...productSchema,
  version: NEXT_VERSION,
  properties: { ...productSchema.properties, brand: { type: 'string', maxLength: 60 } },
  required: [...(productSchema.required as string[]), 'brand'],
} as RxJsonSchema<ProductV1>;

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('schema migration', () => {
  it('migrates every stored product to the next schema version when the store is opened, and keeps them after a restart', async () => {
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
          migrationStrategies: { ...COLLECTIONS.products.migrationStrategies, [NEXT_VERSION]: (old: ProductDoc) => ({ ...old, brand: old.name.split(' ')[0] ?? '' }) },
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

  it('migrates stored shifts from v0 to v1: no counts or movements, the variance of a closed shift, and keeps them', async () => {
    dir = makeTempDir();
    const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
    const money = { type: 'integer', minimum: -1e12, maximum: 1e12, multipleOf: 1 } as const;
    const shiftSchemaV0 = {
      version: 0,
      primaryKey: 'id',
      type: 'object',
      properties: {
        id: text(64), terminalId: text(24), openedBy: text(64), openedAt: text(32), openingFloat: money, closedBy: text(64), closedAt: text(32),
        countedCash: money, expectedCash: money, status: { type: 'string', enum: ['open', 'closed'], maxLength: 32 },
      },
      required: ['id', 'terminalId', 'openedBy', 'openedAt', 'openingFloat', 'closedBy', 'closedAt', 'countedCash', 'expectedCash', 'status'],
      indexes: [['terminalId', 'openedAt']],
      additionalProperties: false,
    } as const;
    const v0Shifts = [
      { id: 'T1-S1', terminalId: 'T1', openedBy: 'U1', openedAt: '2026-01-05T08:00:00.000Z', openingFloat: 10_000, closedBy: 'U1', closedAt: '2026-01-05T18:00:00.000Z', countedCash: 41_950, expectedCash: 42_000, status: 'closed' },
      { id: 'T1-S2', terminalId: 'T1', openedBy: 'U2', openedAt: '2026-01-06T08:00:00.000Z', openingFloat: 15_000, closedBy: '', closedAt: '', countedCash: 0, expectedCash: 0, status: 'open' },
    ];
    const old = await createRxDatabase({ name: 'kassa', storage: getRxStorageSQLite({ directory: dir }), multiInstance: false });
    await old.addCollections({ shifts: { schema: shiftSchemaV0 } });
    await old.shifts!.bulkInsert(v0Shifts);
    await old.close();

    for (let open = 0; open < 2; open++) {
      const db = await openDatabase({ dataDir: dir });
      const shifts = (await db.shifts.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON());
      expect(shifts).toEqual([
        { ...v0Shifts[0], openingCount: [], movements: [], closingCount: [], variance: -50, varianceApprovedBy: '', zNumber: 0 },
        { ...v0Shifts[1], openingCount: [], movements: [], closingCount: [], variance: 0, varianceApprovedBy: '', zNumber: 0 },
      ]);
      await db.close();
    }
  });

  it('migrates stored stock movements from v0 to v1: no note, nobody named, and the pull upgrade agrees', async () => {
    dir = makeTempDir();
    const v0Schema = {
      ...stockMovementSchema,
      version: 0,
      properties: Object.fromEntries(Object.entries(stockMovementSchema.properties).filter(([key]) => key !== 'note' && key !== 'userId')),
      required: (stockMovementSchema.required as string[]).filter((key) => key !== 'note' && key !== 'userId'),
    };
    const v0Movements = [
      { id: 'T1-ADJ1', productId: 'P2', terminalId: 'T1', qtyMilli: 5000, reason: 'adjustment', refId: 'T1-ADJ1', createdAt: '2026-01-05T09:00:00.000Z' },
      { id: 'T1-SALE1-S1', productId: 'P1', terminalId: 'T1', qtyMilli: -2000, reason: 'sale', refId: 'T1-SALE1', createdAt: '2026-01-05T08:00:00.000Z' },
    ];
    const old = await createRxDatabase({ name: 'kassa', storage: getRxStorageSQLite({ directory: dir }), multiInstance: false });
    await old.addCollections({ stock_movements: { schema: v0Schema } });
    await old.stock_movements!.bulkInsert(v0Movements);
    await old.close();

    const expected = v0Movements.map((m) => ({ ...m, note: '', userId: '' }));
    for (let open = 0; open < 2; open++) {
      const db = await openDatabase({ dataDir: dir });
      expect((await db.stock_movements.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON())).toEqual(expected);
      await db.close();
    }
    expect(v0Movements.map((m) => upgradeDoc('stock_movements', m))).toEqual(expected);
    expect(upgradeDoc('stock_movements', { ...expected[0]!, note: 'Delivery 7', userId: 'U2' })).toEqual({ ...expected[0], note: 'Delivery 7', userId: 'U2' });
  });

  it('keeps every collection of the store at or under the open-core limit of 13', () => {
    expect(Object.keys(COLLECTIONS).length).toBeLessThanOrEqual(13);
  });
});
