import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import { openDatabase, type KassaDatabase } from '../db/open-database';
import { makeTempDir } from '../test-support/temp-till';

let db: KassaDatabase | null = null;
let dir = '';
afterEach(async () => {
  await db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('the edit counter of shared documents', () => {
  it('starts at 1 and counts every local edit, whichever RxDB call makes it', async () => {
    dir = makeTempDir();
    db = await openDatabase({ dataDir: dir });
    const [product] = generateCatalog({ products: 1, seed: 1, idPrefix: 'T1' }).products;
    await db.products.insert(product!);
    const doc = () => db!.products.findOne(product!.id).exec();
    expect((await doc())?.edits).toBe(1);
    await (await doc())!.incrementalPatch({ price: 101 });
    expect((await doc())?.edits).toBe(2);
    await (await doc())!.patch({ price: 102 });
    expect((await doc())?.edits).toBe(3);
    await db.products.upsert({ ...product!, price: 103 });
    expect((await doc())?.edits).toBe(4);
    await db.products.incrementalUpsert({ ...product!, price: 104 });
    expect((await doc())).toMatchObject({ edits: 5, price: 104 });
    // Documents that are never edited carry no counter.
    await db.local_state.insert({ id: 'x', value: '1', updatedAt: '2026-11-28T10:00:00.000Z' });
    expect((await db.local_state.findOne('x').exec())?.toJSON()).not.toHaveProperty('edits');
  });
});
