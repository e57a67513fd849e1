/**
 * Uploads find local changes by their write time (`_meta.lwt`, the till's clock) after the last uploaded one.
 * If a till ran with its clock hours ahead and the clock was then corrected, every later write would sort
 * *before* that upload checkpoint and never be uploaded after a restart. Before a replication starts, this moves
 * an upload checkpoint that lies in the future back to the beginning: the next start compares every local
 * document with what the server was last known to hold (local work, no uploads for unchanged documents) and
 * uploads what is missing. Nothing else in sync reads a clock for ordering.
 */
import {
  createRevision,
  getComposedPrimaryKeyOfDocumentData,
  now as rxNow,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';
import type { KassaDatabase } from '../db/open-database';

/** A checkpoint this far ahead of the clock means the clock went back, not that the write was a second ago. */
const TOLERANCE_MS = 60_000;

interface MetaInfo {
  collectionName: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: RxJsonSchema<RxDocumentData<any>>;
}

interface CheckpointDoc {
  checkpointData?: { lwt?: unknown };
}

/** Returns true when it moved the checkpoint. */
export async function rewindFutureUploadCheckpoint(db: KassaDatabase, meta: MetaInfo, clock: () => number = Date.now): Promise<boolean> {
  const instance = await db.storage.createStorageInstance<CheckpointDoc>({
    databaseName: db.name,
    collectionName: meta.collectionName,
    databaseInstanceToken: db.token,
    multiInstance: false,
    options: {},
    schema: meta.schema,
    devMode: false,
  });
  try {
    const id = getComposedPrimaryKeyOfDocumentData(meta.schema, { isCheckpoint: '1', itemId: 'up' });
    const [doc] = await instance.findDocumentsById([id], false);
    const lwt = doc?.checkpointData?.lwt;
    if (!doc || typeof lwt !== 'number' || lwt <= clock() + TOLERANCE_MS) return false;
    const next: RxDocumentData<CheckpointDoc> = {
      ...doc,
      checkpointData: { id: '', lwt: 0 } as CheckpointDoc['checkpointData'],
      _meta: { lwt: rxNow() },
      _rev: createRevision(db.token, doc),
    };
    const result = await instance.bulkWrite([{ previous: doc, document: next }], 'kassa-clock-guard');
    if (result.error.length > 0) throw new Error(`Could not move the upload checkpoint of ${meta.collectionName}`);
    return true;
  } finally {
    await instance.close();
  }
}
