/** The collection the durability test's child process writes: receipts, plus one ledger doc naming the last batch. */
import { fillWithDefaultSettings, now } from 'rxdb';
import type { RxDocumentData, RxStorage, RxStorageInstance } from 'rxdb';

export interface DurableRecord {
  id: string;
  batch: number;
  /** On the ledger: the last batch written. */
  lastBatch: number;
  /** Bulk so a batch spans many SQLite pages and a kill can land inside its write. */
  payload: string;
}

export const MAX_BATCHES = 100_000;

export const durableSchema = fillWithDefaultSettings<DurableRecord>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 32 },
    batch: { type: 'integer', minimum: -1, maximum: MAX_BATCHES, multipleOf: 1 },
    lastBatch: { type: 'integer', minimum: -1, maximum: MAX_BATCHES, multipleOf: 1 },
    payload: { type: 'string' },
  },
  required: ['id', 'batch', 'lastBatch', 'payload'],
  indexes: ['batch'],
});

export type DurableInstance = RxStorageInstance<DurableRecord, unknown, unknown>;

export function durabilityInstance(storage: RxStorage<unknown, unknown>): Promise<DurableInstance> {
  return storage.createStorageInstance<DurableRecord>({
    databaseInstanceToken: 'durability',
    databaseName: 'durability',
    collectionName: 'receipts',
    schema: durableSchema,
    options: {},
    multiInstance: false,
    devMode: false,
  }) as Promise<DurableInstance>;
}

export function receiptDoc(batch: number, index: number): RxDocumentData<DurableRecord> {
  return {
    id: `r${batch}-${index}`,
    batch,
    lastBatch: -1,
    payload: `receipt ${batch}/${index} `.repeat(20),
    _deleted: false,
    _rev: '1-durability',
    _meta: { lwt: now() },
    _attachments: {},
  };
}

export function ledgerDoc(
  batch: number,
  previous: RxDocumentData<DurableRecord> | undefined,
): RxDocumentData<DurableRecord> {
  const height = previous ? Number(previous._rev.split('-')[0]) + 1 : 1;
  return {
    id: 'ledger',
    batch: -1,
    lastBatch: batch,
    payload: '',
    _deleted: false,
    _rev: `${height}-durability`,
    _meta: { lwt: now() },
    _attachments: {},
  };
}
