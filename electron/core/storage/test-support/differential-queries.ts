/**
 * Random Mango queries for the differential test, shaped the way RxQuery shapes them before they reach a storage
 * (normalizeMangoQuery, `_deleted: false` added, prepareQuery). Values are mostly taken from stored documents so
 * that $eq/$in hit, with out-of-range numbers and odd strings mixed in.
 */
import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { MangoQuery, MangoQuerySelector, PreparedQuery, RxDocumentData } from 'rxdb';
import type { Prng } from './seeded-prng';
import { CATEGORIES, SORTABLE_FIELDS, USER_INDEXES, randomName, thingSchema } from './differential-writes';
import type { Thing } from './differential-writes';

type FieldValue = string | number | boolean;
type FieldName = keyof Thing;

const QUERY_FIELDS: readonly FieldName[] = ['id', 'name', 'category', 'price', 'qty', 'active', 'note', 'weight'];
const NUMERIC: ReadonlySet<FieldName> = new Set(['price', 'qty', 'weight']);
const STRINGY: ReadonlySet<FieldName> = new Set(['id', 'name', 'category', 'note']);

export function randomPreparedQuery(prng: Prng, samples: readonly RxDocumentData<Thing>[]): PreparedQuery<Thing> {
  const selector: Record<string, Record<string, unknown>> = {};
  const fieldCount = prng.int(0, 3);
  for (let i = 0; i < fieldCount; i++) {
    const field = prng.pick(QUERY_FIELDS);
    selector[field] = { ...selector[field], ...randomCondition(prng, field, samples) };
  }
  const mango: MangoQuery<Thing> = { selector: selector as MangoQuerySelector<Thing> };
  if (prng.chance(0.08)) {
    const a = prng.pick(QUERY_FIELDS);
    const b = prng.pick(QUERY_FIELDS);
    mango.selector = {
      ...mango.selector,
      $or: [{ [a]: randomCondition(prng, a, samples) }, { [b]: randomCondition(prng, b, samples) }],
    } as MangoQuerySelector<Thing>;
  }
  if (prng.chance(0.7)) {
    const sortCount = prng.int(1, 2);
    mango.sort = Array.from({ length: sortCount }, () => ({
      [prng.pick(SORTABLE_FIELDS)]: prng.chance(0.5) ? 'asc' : 'desc',
    })) as MangoQuery<Thing>['sort'];
    dedupeSort(mango);
  }
  if (prng.chance(0.3)) mango.skip = prng.int(0, 25);
  if (prng.chance(0.5)) mango.limit = prng.int(0, 40);
  if (prng.chance(0.2)) mango.index = [...prng.pick(USER_INDEXES)];
  return prepare(mango, prng.chance(0.9));
}

/** Mirrors RxQuery.getPreparedQuery(): normalize, hide deleted documents, point a named index past _deleted. */
export function prepare(mango: MangoQuery<Thing>, onlyLive: boolean): PreparedQuery<Thing> {
  const normalized = normalizeMangoQuery<Thing>(thingSchema, mango);
  if (onlyLive) {
    (normalized.selector as Record<string, unknown>)._deleted = { $eq: false };
    if (normalized.index) normalized.index.unshift('_deleted');
  } else if (normalized.index) {
    // Without the _deleted filter a named index must still be one the schema has.
    normalized.index.unshift('_deleted');
  }
  return prepareQuery<Thing>(thingSchema, normalized);
}

function randomCondition(
  prng: Prng,
  field: FieldName,
  samples: readonly RxDocumentData<Thing>[],
): Record<string, unknown> {
  const value = () => randomValue(prng, field, samples);
  const roll = prng.next();
  if (roll < 0.2) return { $eq: value() };
  if (roll < 0.5) {
    // A range: one or both ends, inclusive or not.
    const ends: Record<string, unknown> = {};
    if (prng.chance(0.7)) ends[prng.pick(['$gt', '$gte'])] = value();
    if (prng.chance(0.7)) ends[prng.pick(['$lt', '$lte'])] = value();
    return Object.keys(ends).length > 0 ? ends : { $gte: value() };
  }
  if (roll < 0.65) return { $in: Array.from({ length: prng.int(1, 4) }, value) };
  if (roll < 0.75) return { $ne: value() };
  if (roll < 0.85) return { $exists: prng.chance(0.5) };
  if (STRINGY.has(field)) return { $regex: randomRegex(prng, field, samples) };
  return { $gt: value() };
}

function randomValue(prng: Prng, field: FieldName, samples: readonly RxDocumentData<Thing>[]): FieldValue {
  const sample = samples.length > 0 && prng.chance(0.6) ? prng.pick(samples)[field] : undefined;
  if (sample !== undefined) return sample;
  if (field === 'active') return prng.chance(0.5);
  if (field === 'category') return prng.pick([...CATEGORIES, 'zzz', '']);
  if (field === 'id') return `t${String(prng.int(0, 400)).padStart(5, '0')}`;
  if (field === 'name' || field === 'note') return randomName(prng);
  if (NUMERIC.has(field)) {
    // Out-of-range values check the planner's clamping of number bounds.
    return prng.pick([-1000, -100.5, -1, 0, 0.01, 99.99, 100, 999.99, 1000, 1500, prng.int(-200, 1200) / 10]);
  }
  return prng.int(0, 100);
}

function randomRegex(prng: Prng, field: FieldName, samples: readonly RxDocumentData<Thing>[]): string {
  const source = samples.length > 0 ? prng.pick(samples)[field] : undefined;
  const text = typeof source === 'string' && source.length > 0 ? source : 'a';
  const start = prng.int(0, text.length - 1);
  const part = text.slice(start, start + prng.int(1, 2)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (prng.chance(0.3) ? '^' : '') + part;
}

function dedupeSort(mango: MangoQuery<Thing>): void {
  const seen = new Set<string>();
  mango.sort = (mango.sort ?? []).filter((part) => {
    const key = Object.keys(part)[0] ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
