/**
 * The SQLite storage's own promises, beyond what the differential test compares: whole-batch rollback, repeated
 * ids in one batch, tombstone cleanup, remove(), refusing attachments, and a schema that gained an index.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillWithDefaultSettings, normalizeMangoQuery, now, prepareQuery } from 'rxdb';
import type { BulkWriteRow, MangoQuerySelector, RxDocumentData, RxJsonSchema, RxStorageInstance } from 'rxdb';
import { databaseFilePath } from './sqlite-connection';
import { getRxStorageSQLite } from './sqlite-storage';
import { makeTempDir, removeTempDir } from './test-support/temp-dir';

interface Tender {
  id: string;
  method: string;
  amount: number;
}

const tenderSchema = (indexes: string[][]): RxJsonSchema<RxDocumentData<Tender>> =>
  fillWithDefaultSettings<Tender>({
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 20 },
      method: { type: 'string', maxLength: 10 },
      amount: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    },
    required: ['id', 'method', 'amount'],
    indexes,
  });

type Instance = RxStorageInstance<Tender, unknown, unknown>;

let directory: string;
const open: Instance[] = [];

beforeEach(() => {
  directory = makeTempDir('unit');
});
afterEach(async () => {
  for (const instance of open.splice(0)) await instance.close();
  removeTempDir(directory);
});

async function openTenders(
  options: { collectionName?: string; indexes?: string[][]; schema?: RxJsonSchema<RxDocumentData<Tender>> } = {},
): Promise<Instance> {
  const instance = (await getRxStorageSQLite({ directory }).createStorageInstance<Tender>({
    databaseInstanceToken: 'token',
    databaseName: 'till',
    collectionName: options.collectionName ?? 'tenders',
    schema: options.schema ?? tenderSchema(options.indexes ?? [['method']]),
    options: {},
    multiInstance: false,
    devMode: true,
  })) as Instance;
  open.push(instance);
  return instance;
}

async function closeInstance(instance: Instance): Promise<void> {
  open.splice(open.indexOf(instance), 1);
  await instance.close();
}

let revCounter = 0;
function doc(
  id: string,
  fields: Partial<Tender> = {},
  previous?: RxDocumentData<Tender>,
  deleted = false,
  lwt = now(),
): RxDocumentData<Tender> {
  const height = previous ? Number(previous._rev.split('-')[0]) + 1 : 1;
  return {
    id,
    method: 'cash',
    amount: 100,
    ...fields,
    _deleted: deleted,
    _rev: `${height}-r${++revCounter}`,
    _meta: { lwt },
    _attachments: {},
  };
}

async function allDocs(instance: Instance, schema = tenderSchema([['method']])): Promise<RxDocumentData<Tender>[]> {
  const query = normalizeMangoQuery<Tender>(schema, { selector: {}, sort: [{ id: 'asc' }] });
  return (await instance.query(prepareQuery(schema, query))).documents;
}

describe('SQLite storage', () => {
  it('rolls back a whole bulkWrite when one row cannot be stored, and emits nothing', async () => {
    const tenders = await openTenders();
    const events: unknown[] = [];
    tenders.changeStream().subscribe((bulk) => events.push(bulk));
    const broken = { ...doc('t3'), amount: 10n } as unknown as RxDocumentData<Tender>;
    const rows: BulkWriteRow<Tender>[] = [{ document: doc('t1') }, { document: doc('t2') }, { document: broken }];

    await expect(tenders.bulkWrite(rows, 'test')).rejects.toThrow(/rolled back, nothing was written/);
    expect(await allDocs(tenders)).toEqual([]);
    expect(events).toEqual([]);

    // The storage stays usable after the failure.
    await tenders.bulkWrite(rows.slice(0, 2), 'test');
    expect((await allDocs(tenders)).map((d) => d.id)).toEqual(['t1', 't2']);
    expect(events).toHaveLength(1);
  });

  it('rolls back earlier parts of a batch when a later part fails', async () => {
    const tenders = await openTenders();
    const first = doc('t1');
    await tenders.bulkWrite([{ document: first }], 'test');
    const update = doc('t1', { amount: 999 }, first);
    // A repeated id splits the batch in two parts; the second part holds a row without a primary key.
    const rows = [
      { previous: first, document: update },
      { document: doc('t2') },
      { previous: update, document: doc('t1', { amount: 5 }, update) },
      { document: { ...doc('x'), id: '' } },
    ];
    await expect(tenders.bulkWrite(rows, 'test')).rejects.toThrow(/no string primary key/);
    expect(await allDocs(tenders)).toEqual([first]);
  });

  it('judges a repeated id in one batch against the earlier write of that batch', async () => {
    const tenders = await openTenders();
    const inserted = doc('t1', { amount: 1 });
    const updated = doc('t1', { amount: 2 }, inserted);
    const staleInsert = doc('t1', { amount: 3 });
    const result = await tenders.bulkWrite(
      [{ document: inserted }, { previous: inserted, document: updated }, { document: staleInsert }],
      'test',
    );
    expect(result.error).toHaveLength(1);
    expect(result.error[0]).toMatchObject({ status: 409, documentId: 't1', documentInDb: updated });
    expect(await tenders.findDocumentsById(['t1'], false)).toEqual([updated]);
  });

  it('reports a conflict for a write based on an old revision, and keeps the stored one', async () => {
    const tenders = await openTenders();
    const v1 = doc('t1');
    await tenders.bulkWrite([{ document: v1 }], 'test');
    const v2 = doc('t1', { amount: 2 }, v1);
    await tenders.bulkWrite([{ previous: v1, document: v2 }], 'test');
    const result = await tenders.bulkWrite([{ previous: v1, document: doc('t1', { amount: 3 }, v1) }], 'test');
    expect(result.error[0]).toMatchObject({ status: 409, isError: true, documentInDb: v2 });
    expect(await tenders.findDocumentsById(['t1'], true)).toEqual([v2]);
  });

  it('purges only tombstones older than minimumDeletedTime', async () => {
    const tenders = await openTenders();
    const hourAgo = now() - 3_600_000;
    const live = doc('live');
    const oldTombstone = doc('old', {}, undefined, true, hourAgo);
    const newTombstone = doc('new', {}, undefined, true);
    await tenders.bulkWrite([{ document: live }, { document: oldTombstone }, { document: newTombstone }], 'test');

    expect(await tenders.cleanup(60_000)).toBe(true);
    expect((await tenders.findDocumentsById(['live', 'old', 'new'], true)).map((d) => d.id)).toEqual(['live', 'new']);
    expect(await tenders.cleanup(0)).toBe(true);
    expect((await tenders.findDocumentsById(['live', 'old', 'new'], true)).map((d) => d.id)).toEqual(['live']);
  });

  it('drops a removed collection and deletes the file with the last one', async () => {
    const tenders = await openTenders();
    const shifts = await openTenders({ collectionName: 'shifts' });
    await tenders.bulkWrite([{ document: doc('t1') }], 'test');
    await shifts.bulkWrite([{ document: doc('s1') }], 'test');
    const file = databaseFilePath(directory, 'till');

    open.splice(open.indexOf(tenders), 1);
    await tenders.remove();
    expect(fs.existsSync(file)).toBe(true);
    expect(await allDocs(await openTenders())).toEqual([]);
    expect((await allDocs(shifts)).map((d) => d.id)).toEqual(['s1']);

    for (const instance of open.splice(0)) await instance.remove();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses attachments instead of pretending to store them', async () => {
    const schema = { ...tenderSchema([['method']]), attachments: {} };
    await expect(openTenders({ schema })).rejects.toThrow(/does not store attachments/);
    const tenders = await openTenders();
    const attachment = tenders.getAttachmentData('t1', 'receipt.pdf', 'digest');
    await expect(attachment).rejects.toThrow(/does not store attachments/);
  });

  it("counts with SQL when the index settles the selector ('fast'), else by matching documents ('slow')", async () => {
    const schema = tenderSchema([['method']]);
    const tenders = await openTenders({ schema });
    const methods = ['cash', 'card', 'cash', 'voucher'];
    const rows = methods.map((method, i) => ({ document: doc(`t${i}`, { method, amount: i }) }));
    await tenders.bulkWrite(rows, 'test');
    // Live documents only, as RxQuery asks.
    const countOf = async (selector: object) => {
      const live = { ...selector, _deleted: { $eq: false } } as MangoQuerySelector<Tender>;
      return tenders.count(prepareQuery(schema, normalizeMangoQuery<Tender>(schema, { selector: live })));
    };

    expect(await countOf({ method: { $eq: 'cash' } })).toEqual({ count: 2, mode: 'fast' });
    expect(await countOf({ amount: { $gte: 2 } })).toEqual({ count: 2, mode: 'slow' });
  });

  it('rejects calls after close() with a clear error', async () => {
    const tenders = await openTenders();
    await closeInstance(tenders);
    await expect(tenders.findDocumentsById(['t1'], false)).rejects.toThrow(/after close\(\)/);
    await expect(tenders.close()).resolves.toBeUndefined();
  });

  it('follows a schema that gained or lost an index without a version bump', async () => {
    const before = await openTenders({ indexes: [['method']] });
    await before.bulkWrite([{ document: doc('a', { amount: 30 }) }, { document: doc('b', { amount: 10 }) }], 'test');
    await closeInstance(before);

    const schema = tenderSchema([['method'], ['amount']]);
    const after = await openTenders({ schema });
    const query = normalizeMangoQuery<Tender>(schema, {
      // As RxQuery sends it: live documents only, which lets the planner use the _deleted-prefixed index.
      selector: { _deleted: { $eq: false }, amount: { $gte: 0 } } as MangoQuerySelector<Tender>,
      sort: [{ amount: 'asc' }],
      index: ['_deleted', 'amount'],
    });
    const prepared = prepareQuery(schema, query);
    expect(prepared.queryPlan.index).toEqual(['_deleted', 'amount', 'id']);
    expect((await after.query(prepared)).documents.map((d) => d.id)).toEqual(['b', 'a']);
    await closeInstance(after);

    const fewer = await openTenders({ indexes: [['amount']] });
    await fewer.bulkWrite([{ document: doc('c', { amount: 20 }) }], 'test');
    expect((await fewer.query(prepared)).documents.map((d) => d.id)).toEqual(['b', 'c', 'a']);
  });

  it('writes one file per database name, named safely', () => {
    expect(databaseFilePath('/data', 'kassa')).toBe('/data/kassa.sqlite3');
    expect(databaseFilePath('/data', '../etc/x')).toBe('/data/~002e~002e~002fetc~002fx.sqlite3');
  });
});
