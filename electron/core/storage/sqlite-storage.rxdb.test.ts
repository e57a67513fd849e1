/**
 * The storage as the app uses it: through createRxDatabase (dev-mode checks and schema validation on), across a
 * close and a reopen of the same directory.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxChangeEvent, RxCollection, RxDatabase, RxJsonSchema, RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { databaseFilePath } from './sqlite-connection';
import { getRxStorageSQLite } from './sqlite-storage';
import { makeTempDir, removeTempDir } from './test-support/temp-dir';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

interface Item {
  id: string;
  name: string;
  category: string;
  price: number;
  active: boolean;
}

const itemSchema: RxJsonSchema<Item> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string', maxLength: 100 },
    category: { type: 'string', maxLength: 20 },
    price: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    active: { type: 'boolean' },
  },
  required: ['id', 'name', 'category', 'price', 'active'],
  indexes: ['name', ['category', 'price']],
  additionalProperties: false,
};

type Collections = { items: RxCollection<Item> };
const CATEGORIES = ['fruit', 'dairy', 'bakery'];

const items: Item[] = Array.from({ length: 60 }, (_, i) => ({
  id: `item-${String(i).padStart(3, '0')}`,
  name: `Item ${(i * 37) % 60}`,
  category: CATEGORIES[i % CATEGORIES.length] as string,
  price: (i * 53) % 500,
  active: i % 4 !== 0,
}));

let directory: string;
const openDatabases: RxDatabase<Collections>[] = [];

function storage(): RxStorage<unknown, unknown> {
  return wrappedValidateAjvStorage({ storage: getRxStorageSQLite({ directory }) });
}

async function openTill(): Promise<RxDatabase<Collections>> {
  const db = await createRxDatabase<Collections>({ name: 'till', storage: storage(), multiInstance: false });
  openDatabases.push(db);
  await db.addCollections({ items: { schema: itemSchema } });
  return db;
}

async function closeTill(db: RxDatabase<Collections>): Promise<void> {
  openDatabases.splice(openDatabases.indexOf(db), 1);
  await db.close();
}

beforeEach(() => {
  directory = makeTempDir('rxdb');
});

afterEach(async () => {
  for (const db of openDatabases.splice(0)) await db.close();
  removeTempDir(directory);
});

describe('SQLite storage under createRxDatabase', () => {
  it('inserts, queries by index, updates, deletes, and keeps it all across a reopen', async () => {
    const db = await openTill();
    const events: RxChangeEvent<Item>[] = [];
    const subscription = db.items.$.subscribe((event) => events.push(event));

    await db.items.bulkInsert(items);
    const query = db.items.find({
      selector: { category: 'fruit', price: { $gte: 100, $lt: 400 } },
      sort: [{ price: 'asc' }],
    });
    expect(query.getPreparedQuery().queryPlan.index).toEqual(['_deleted', 'category', 'price', 'id']);
    const expected = items
      .filter((item) => item.category === 'fruit' && item.price >= 100 && item.price < 400)
      .sort((a, b) => a.price - b.price || a.id.localeCompare(b.id));
    expect((await query.exec()).map((doc) => doc.id)).toEqual(expected.map((item) => item.id));

    const first = await db.items.findOne('item-001').exec();
    await first?.patch({ price: 777, name: 'Renamed' });
    const second = await db.items.findOne('item-002').exec();
    await second?.remove();
    expect(await db.items.count({ selector: { category: 'bakery' } }).exec()).toBe(19);
    subscription.unsubscribe();

    expect(events.filter((e) => e.operation === 'INSERT')).toHaveLength(items.length);
    expect(events.filter((e) => e.operation === 'UPDATE').map((e) => e.documentId)).toEqual(['item-001']);
    expect(events.filter((e) => e.operation === 'DELETE').map((e) => e.documentId)).toEqual(['item-002']);

    await closeTill(db);
    const reopened = await openTill();
    expect(await reopened.items.count().exec()).toBe(items.length - 1);
    expect((await reopened.items.findOne('item-001').exec())?.toJSON()).toMatchObject({ price: 777, name: 'Renamed' });
    expect(await reopened.items.findOne('item-002').exec()).toBeNull();
    const byName = await reopened.items
      .find({ selector: { name: { $gt: 'Item 5' } }, sort: [{ name: 'desc' }] })
      .exec();
    expect(byName.map((doc) => doc.name)).toEqual(
      items
        .filter((item) => item.id !== 'item-002')
        .map((item) => (item.id === 'item-001' ? 'Renamed' : item.name))
        .filter((name) => name > 'Item 5')
        .sort()
        .reverse(),
    );
  });

  it('feeds live queries from committed writes', async () => {
    const db = await openTill();
    const seen: number[] = [];
    const live = db.items.find({ selector: { category: 'dairy' } }).$.subscribe((docs) => seen.push(docs.length));
    const showing = (count: number) => waitUntil(`the live query to show ${count} dairy items`, () => seen.at(-1) === count, () => `it has shown ${JSON.stringify(seen)}`);
    await showing(0);
    await db.items.bulkInsert(items.slice(0, 9));
    await showing(3);
    const extra = await db.items.insert({ id: 'extra', name: 'Milk', category: 'dairy', price: 99, active: true });
    await showing(4);
    await extra.remove();
    await showing(3);
    live.unsubscribe();
    expect(seen).toEqual([0, 3, 4, 3]);
  });

  it('refuses schema-invalid documents without writing anything', async () => {
    const db = await openTill();
    await expect(db.items.insert({ ...items[0], price: -5 } as Item)).rejects.toThrow();
    expect(await db.items.count().exec()).toBe(0);
  });

  it('removes the database file with RxDatabase.remove()', async () => {
    const db = await openTill();
    await db.items.bulkInsert(items.slice(0, 5));
    const file = databaseFilePath(directory, 'till');
    expect(fs.existsSync(file)).toBe(true);
    openDatabases.splice(openDatabases.indexOf(db), 1);
    await db.remove();
    expect(fs.existsSync(file)).toBe(false);
  });
});

/** Live queries update a moment after the write: waits for the condition, and fails saying what did not happen. */
async function waitUntil(what: string, condition: () => boolean, state: () => string, timeoutMs = 5_000): Promise<void> {
  await vi.waitFor(
    () => {
      if (!condition()) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; ${state()}`);
    },
    { timeout: timeoutMs, interval: 5 },
  );
}
