/**
 * Differential test: the SQLite storage must answer exactly like rxdb's memory storage. Both get the same random
 * write batches (conflicts included) and then the same random queries, counts, id look-ups and change-feed pages.
 * Seeds are fixed so a run is reproducible; KASSA_STORAGE_SEED=<n> adds one more seed to replay or explore.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getChangedDocumentsSince, randomToken } from 'rxdb';
import type {
  BulkWriteRow,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxStorage,
  RxStorageChangeEvent,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
} from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSQLite } from './sqlite-storage';
import { randomPreparedQuery } from './test-support/differential-queries';
import { applyToModel, createWriteModel, randomBatch, thingSchema } from './test-support/differential-writes';
import type { Thing, WriteModel } from './test-support/differential-writes';
import { createPrng } from './test-support/seeded-prng';
import type { Prng } from './test-support/seeded-prng';
import { makeTempDir, removeTempDir } from './test-support/temp-dir';

type Instance = RxStorageInstance<Thing, unknown, unknown, RxStorageDefaultCheckpoint>;
type Bulk = EventBulk<RxStorageChangeEvent<Thing>, RxStorageDefaultCheckpoint>;

const EXTRA_SEED = process.env.KASSA_STORAGE_SEED;
const SEEDS = [1, 20_250_101, 987_654_321, ...(EXTRA_SEED ? [Number(EXTRA_SEED)] : [])];
const WRITE_BATCHES = 80;
const QUERIES_DURING_WRITES = 5;
const FINAL_QUERIES = 1_000;

let directory: string;
beforeEach(() => {
  directory = makeTempDir('differential');
});
afterEach(() => removeTempDir(directory));

/** Both storages side by side, with the change events each emitted. */
interface Pair {
  memory: Instance;
  sqlite: Instance;
  memoryEvents: Bulk[];
  sqliteEvents: Bulk[];
  close(): Promise<void>;
}

async function openPair(seed: number): Promise<Pair> {
  const open = (storage: RxStorage<unknown, unknown>) =>
    storage.createStorageInstance<Thing>({
      databaseInstanceToken: randomToken(10),
      databaseName: `diff${seed}`,
      collectionName: 'things',
      schema: thingSchema,
      options: {},
      multiInstance: false,
      devMode: true,
    }) as Promise<Instance>;
  const memory = await open(getRxStorageMemory() as RxStorage<unknown, unknown>);
  const sqlite = await open(getRxStorageSQLite({ directory }) as RxStorage<unknown, unknown>);
  const memoryEvents: Bulk[] = [];
  const sqliteEvents: Bulk[] = [];
  const subscriptions = [
    memory.changeStream().subscribe((bulk) => memoryEvents.push(bulk)),
    sqlite.changeStream().subscribe((bulk) => sqliteEvents.push(bulk)),
  ];
  return {
    memory,
    sqlite,
    memoryEvents,
    sqliteEvents,
    async close() {
      for (const subscription of subscriptions) subscription.unsubscribe();
      await memory.remove();
      await sqlite.close();
    },
  };
}

/** How the queries exercised the storage: a generator that drifts into trivial queries should fail loudly. */
interface Coverage {
  nonEmpty: number;
  settledByIndex: number;
  matchedInJs: number;
  sortedInJs: number;
  withLimit: number;
  conflicts: number;
}

/** Collects differences instead of failing at the first, so one run shows how widespread a bug is. */
class Mismatches {
  private readonly shown: string[] = [];
  private total = 0;
  constructor(private readonly seed: number) {}

  compare(what: string, sqlite: unknown, memory: unknown): void {
    const a = JSON.stringify(sqlite);
    const b = JSON.stringify(memory);
    if (a === b) return;
    this.total++;
    if (this.shown.length < 20) this.shown.push(`${what}\n  sqlite: ${a.slice(0, 600)}\n  memory: ${b.slice(0, 600)}`);
  }

  assertNone(): void {
    const replay = `seed ${this.seed}, replay with KASSA_STORAGE_SEED=${this.seed}`;
    if (this.total > 0) {
      console.error(`${this.total} differential mismatches (${replay}), the first ones:\n${this.shown.join('\n')}`);
    }
    expect(this.total, replay).toBe(0);
  }
}

async function writeBatch(
  prng: Prng,
  pair: Pair,
  model: WriteModel,
  mismatches: Mismatches,
  n: number,
  coverage: Coverage,
) {
  const rows = randomBatch(prng, model);
  const [sqliteResult, memoryResult] = await Promise.all([
    pair.sqlite.bulkWrite(structuredClone(rows) as BulkWriteRow<Thing>[], `batch-${n}`),
    pair.memory.bulkWrite(structuredClone(rows) as BulkWriteRow<Thing>[], `batch-${n}`),
  ]);
  mismatches.compare(`bulkWrite #${n} errors`, sortErrors(sqliteResult.error), sortErrors(memoryResult.error));
  const withoutId = (bulks: Bulk[]) => bulks.map(({ id: _id, ...rest }) => rest);
  mismatches.compare(`bulkWrite #${n} events`, withoutId(pair.sqliteEvents), withoutId(pair.memoryEvents));
  pair.sqliteEvents.length = 0;
  pair.memoryEvents.length = 0;
  applyToModel(model, rows, new Set(memoryResult.error.map((error) => error.documentId)));
  coverage.conflicts += memoryResult.error.length;
}

async function compareQuery(
  pair: Pair,
  prepared: PreparedQuery<Thing>,
  mismatches: Mismatches,
  label: string,
  coverage: Coverage,
) {
  const described = `${label} ${JSON.stringify(prepared.query)} plan=${JSON.stringify(prepared.queryPlan.index)}`;
  const sqlite = await pair.sqlite.query(structuredClone(prepared));
  const memory = await pair.memory.query(structuredClone(prepared));
  mismatches.compare(`${described} ids`, ids(sqlite.documents), ids(memory.documents));
  mismatches.compare(`${described} docs`, sqlite.documents, memory.documents);
  if (memory.documents.length > 0) coverage.nonEmpty++;
  if (prepared.queryPlan.selectorSatisfiedByIndex) coverage.settledByIndex++;
  else coverage.matchedInJs++;
  if (!prepared.queryPlan.sortSatisfiedByIndex) coverage.sortedInJs++;
  if (prepared.query.limit !== undefined) coverage.withLimit++;
  // count() honours skip/limit like query() does; memory's count() ignores them, so compare with its query().
  const count = await pair.sqlite.count(structuredClone(prepared));
  mismatches.compare(`${described} count`, count.count, memory.documents.length);
  if (prepared.query.skip === 0 && prepared.query.limit === undefined) {
    const memoryCount = await pair.memory.count(structuredClone(prepared));
    mismatches.compare(`${described} memory count`, count.count, memoryCount.count);
  }
}

async function compareLookups(prng: Prng, pair: Pair, model: WriteModel, mismatches: Mismatches) {
  const known = [...model.current.keys()];
  for (let i = 0; i < 50; i++) {
    const someId = () => (prng.chance(0.85) && known.length > 0 ? prng.pick(known) : `missing${i}`);
    const wanted = Array.from({ length: prng.int(0, 12) }, someId);
    const withDeleted = prng.chance(0.5);
    const sqlite = await pair.sqlite.findDocumentsById(wanted, withDeleted);
    const memory = await pair.memory.findDocumentsById(wanted, withDeleted);
    mismatches.compare(`findDocumentsById ${JSON.stringify(wanted)} ${withDeleted}`, byId(sqlite), byId(memory));
  }
}

async function compareChangePages(prng: Prng, pair: Pair, mismatches: Mismatches) {
  for (let round = 0; round < 8; round++) {
    const limit = prng.int(1, 60);
    let sqliteCheckpoint: RxStorageDefaultCheckpoint | undefined;
    let memoryCheckpoint: RxStorageDefaultCheckpoint | undefined;
    for (let page = 0; page < 1_000; page++) {
      const sqlite = await getChangedDocumentsSince(pair.sqlite, limit, sqliteCheckpoint);
      // Memory has no getChangedDocumentsSince(): rxdb's helper answers for it with a query.
      const memory = await getChangedDocumentsSince(pair.memory, limit, memoryCheckpoint);
      mismatches.compare(`changes page ${page} limit ${limit}`, sqlite, memory);
      sqliteCheckpoint = sqlite.checkpoint;
      memoryCheckpoint = memory.checkpoint;
      if (memory.documents.length === 0 || sqlite.documents.length === 0) break;
    }
  }
}

describe('SQLite storage against rxdb memory storage', () => {
  for (const seed of SEEDS) {
    it(`answers writes, queries, counts, look-ups and change feeds identically (seed ${seed})`, async () => {
      const prng = createPrng(seed);
      const pair = await openPair(seed);
      const mismatches = new Mismatches(seed);
      const model = createWriteModel();
      const coverage: Coverage = {
        nonEmpty: 0,
        settledByIndex: 0,
        matchedInJs: 0,
        sortedInJs: 0,
        withLimit: 0,
        conflicts: 0,
      };
      try {
        let queries = 0;
        for (let n = 0; n < WRITE_BATCHES; n++) {
          await writeBatch(prng, pair, model, mismatches, n, coverage);
          for (let q = 0; q < QUERIES_DURING_WRITES; q++, queries++) {
            const prepared = randomPreparedQuery(prng, [...model.current.values()]);
            await compareQuery(pair, prepared, mismatches, `q${queries}`, coverage);
          }
        }
        const samples = [...model.current.values()];
        for (let q = 0; q < FINAL_QUERIES; q++, queries++) {
          await compareQuery(pair, randomPreparedQuery(prng, samples), mismatches, `q${queries}`, coverage);
        }
        await compareLookups(prng, pair, model, mismatches);
        await compareChangePages(prng, pair, mismatches);
        expect(queries).toBeGreaterThanOrEqual(FINAL_QUERIES);
        for (const [path, times] of Object.entries(coverage)) expect(times, path).toBeGreaterThan(50);
        expect(model.current.size).toBeGreaterThan(300);
      } finally {
        await pair.close();
      }
      mismatches.assertNone();
    });
  }
});

function ids(docs: RxDocumentData<Thing>[]): string[] {
  return docs.map((doc) => doc.id);
}

function byId(docs: RxDocumentData<Thing>[]): RxDocumentData<Thing>[] {
  return [...docs].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function sortErrors<T extends { documentId: string }>(errors: T[]): T[] {
  return [...errors].sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
}
