/**
 * The collection the differential test writes to both storages, and a random but replayable stream of write
 * batches for it: inserts, updates, deletes, re-inserts of deleted documents and deliberate conflicts.
 */
import { fillWithDefaultSettings, now } from 'rxdb';
import type { BulkWriteRow, RxDocumentData, RxJsonSchema } from 'rxdb';
import type { Prng } from './seeded-prng';

export interface Thing {
  id: string;
  name: string;
  category: string;
  price: number;
  qty: number;
  active: boolean;
  /** Not indexed and optional, for $exists and matcher-only selectors. */
  note?: string;
  weight?: number;
}

export const thingSchema: RxJsonSchema<RxDocumentData<Thing>> = fillWithDefaultSettings<Thing>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 12 },
    name: { type: 'string', maxLength: 8 },
    category: { type: 'string', maxLength: 6 },
    price: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 0.01 },
    qty: { type: 'integer', minimum: -100, maximum: 100, multipleOf: 1 },
    active: { type: 'boolean' },
    note: { type: 'string', maxLength: 30 },
    weight: { type: 'number' },
  },
  required: ['id', 'name', 'category', 'price', 'qty', 'active'],
  indexes: ['name', ['category', 'price'], ['active', 'qty', 'name'], 'price'],
});

/** The indexes as a user names them (RxDB adds _deleted and the primary key). */
export const USER_INDEXES: readonly string[][] = [
  ['name'],
  ['category', 'price'],
  ['active', 'qty', 'name'],
  ['price'],
];
export const SORTABLE_FIELDS = ['id', 'name', 'category', 'price', 'qty', 'active'] as const;
export const CATEGORIES = ['fruit', 'veg', 'dairy', 'bread', 'Fish', 'ÄÖ'] as const;

/**
 * Characters chosen to break naive string ordering: control characters below the space RxDB pads with,
 * non-ASCII letters, full-width forms (U+FF21) that sort above surrogates in UTF-16 but below them in UTF-8,
 * an emoji (a surrogate pair), and trailing spaces that vanish in the padded index string.
 */
const NAME_CHARS = ['a', 'b', 'c', 'A', 'Z', '0', ' ', '\t', 'é', 'ß', '中', '\uFF21', '😀', '\uFFFD', '~'];

export function randomName(prng: Prng): string {
  let name = '';
  const length = prng.int(0, 4);
  // An emoji is two UTF-16 units; stay within maxLength 8 units.
  for (let i = 0; i < length; i++) name += prng.pick(NAME_CHARS);
  return name;
}

export function randomThing(prng: Prng, id: string): Thing {
  const thing: Thing = {
    id,
    name: randomName(prng),
    category: prng.pick(CATEGORIES),
    price: prng.int(0, 100_000) / 100,
    qty: prng.int(-100, 100),
    active: prng.chance(0.6),
  };
  if (prng.chance(0.5)) thing.note = prng.pick(['fresh', 'organic', 'on sale', 'Fresh!', 'local farm', '']);
  if (prng.chance(0.4)) thing.weight = prng.int(-500, 5000) / 10;
  return thing;
}

export function storedDoc(
  prng: Prng,
  thing: Thing,
  previous: RxDocumentData<Thing> | undefined,
  deleted: boolean,
): RxDocumentData<Thing> {
  const height = previous ? Number(previous._rev.split('-')[0]) + 1 : 1;
  return {
    ...thing,
    _deleted: deleted,
    _rev: `${height}-${prng.int(0, 0xffffff).toString(16)}`,
    _meta: { lwt: now() },
    _attachments: {},
  };
}

/** What the generator knows of the stored state: the newest revision per id and the ones it replaced. */
export interface WriteModel {
  current: Map<string, RxDocumentData<Thing>>;
  stale: Map<string, RxDocumentData<Thing>[]>;
  nextId: number;
}

export function createWriteModel(): WriteModel {
  return { current: new Map(), stale: new Map(), nextId: 0 };
}

/** One batch of 1–20 rows with distinct ids (both storages treat a repeated id in one batch differently). */
export function randomBatch(prng: Prng, model: WriteModel): BulkWriteRow<Thing>[] {
  const rows: BulkWriteRow<Thing>[] = [];
  const used = new Set<string>();
  const size = prng.int(1, 20);
  const known = [...model.current.keys()];
  for (let attempt = 0; rows.length < size && attempt < size * 3; attempt++) {
    const row = randomRow(prng, model, known);
    const id = row.document.id;
    if (used.has(id)) continue;
    used.add(id);
    rows.push(row);
  }
  return rows;
}

function randomRow(prng: Prng, model: WriteModel, known: string[]): BulkWriteRow<Thing> {
  const roll = prng.next();
  if (known.length === 0 || roll < 0.35) {
    const id = `t${String(model.nextId++).padStart(5, '0')}`;
    // Now and then a document arrives already deleted, as replication may deliver it.
    return { document: storedDoc(prng, randomThing(prng, id), undefined, prng.chance(0.05)) };
  }
  const id = prng.pick(known);
  const previous = model.current.get(id) as RxDocumentData<Thing>;
  if (roll < 0.45) {
    // Conflict: an insert over an existing document, or an update based on an old revision.
    const stale = model.stale.get(id);
    const basedOn = stale && stale.length > 0 && prng.chance(0.7) ? prng.pick(stale) : undefined;
    const thing = { ...randomThing(prng, id) };
    return { previous: basedOn, document: storedDoc(prng, thing, basedOn ?? previous, false) };
  }
  if (roll < 0.6) {
    return { previous, document: storedDoc(prng, stripMeta(previous), previous, true) };
  }
  const changed = prng.chance(0.5) ? randomThing(prng, id) : { ...stripMeta(previous), qty: prng.int(-100, 100) };
  return { previous, document: storedDoc(prng, changed, previous, false) };
}

/** Records the outcome of a batch in the model: rows without an error are now the current revision. */
export function applyToModel(model: WriteModel, rows: BulkWriteRow<Thing>[], failedIds: Set<string>): void {
  for (const row of rows) {
    const id = row.document.id;
    if (failedIds.has(id)) continue;
    const before = model.current.get(id);
    if (before) model.stale.set(id, [...(model.stale.get(id) ?? []), before]);
    model.current.set(id, row.document as RxDocumentData<Thing>);
  }
}

function stripMeta(doc: RxDocumentData<Thing>): Thing {
  const { _deleted, _rev, _meta, _attachments, ...thing } = doc;
  void _deleted;
  void _rev;
  void _meta;
  void _attachments;
  return thing;
}
