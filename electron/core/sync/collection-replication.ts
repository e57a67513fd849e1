/**
 * One collection's live two-way replication with its CouchDB database, using rxdb's CouchDB replication over the
 * guarded fetch (couch-fetch.ts), with the upload handler of upload-handler.ts. Pulls arrive in batches and are stored as they come, so a first sync of a large
 * catalog is usable while it runs.
 */
import type { RxCollection, RxReplicationConflict } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { KassaDatabase } from '../db/open-database';
import type { Logger } from '../log';
import { rewindFutureUploadCheckpoint } from './clock-guard';
import { createCouchFetch, type CouchFetchHooks } from './couch-fetch';
import { installUploadHandler } from './upload-handler';
import type { ServerLink } from './server-link';
import { upgradeDoc } from '../../../shared/db/migrations';
import { databaseName, type ReplicatedCollection } from '../../../shared/sync/sync-names';

export interface BatchSizes {
  /** Documents per pull request (also the long poll's limit). */
  pull: number;
  /** Documents per upload (`_bulk_docs`). */
  push: number;
}

/** Measured here: 10,000 sales go up in about half the time with uploads of 1,000 than of 100 (PRODUCT.md). */
export const DEFAULT_BATCHES: BatchSizes = { pull: 1_000, push: 1_000 };

export interface CollectionReplicationOptions {
  db: KassaDatabase;
  collection: ReplicatedCollection;
  link: ServerLink;
  prefix: string;
  /** Names this server and store in the replication's bookkeeping: a new server starts from scratch. */
  identifier: string;
  batches: BatchSizes;
  /** rxdb's wait before it repeats a failed request; the link's gate does the real backoff. */
  retryMs: number;
  heartbeatMs: number;
  hooks: CouchFetchHooks;
  onConflict(conflict: RxReplicationConflict<Record<string, unknown>>): void;
  onActivity(): void;
  log: Logger;
}

export interface CollectionReplication {
  collection: ReplicatedCollection;
  state: RxCouchDBReplicationState<Record<string, unknown>>;
  /** True once the first pull and upload since start have both caught up. */
  initialDone: boolean;
  /** Documents received from the server since start. */
  received: number;
  cancel(): Promise<void>;
}

export async function startCollectionReplication(options: CollectionReplicationOptions): Promise<CollectionReplication> {
  const { db, collection, link, log } = options;
  const rxCollection = db[collection] as unknown as RxCollection<Record<string, unknown>>;
  const url = `${link.url}${databaseName(options.prefix, collection)}/`;
  const couchFetch = createCouchFetch(link, options.hooks);
  const state = replicateCouchDB<Record<string, unknown>>({
    replicationIdentifier: options.identifier,
    collection: rxCollection,
    url,
    fetch: couchFetch,
    live: true,
    retryTime: options.retryMs,
    waitForLeadership: false,
    autoStart: false,
    // Documents another till wrote in an older shape arrive in today's (shared/db/migrations.ts).
    pull: { batchSize: options.batches.pull, heartbeat: options.heartbeatMs, modifier: (doc) => upgradeDoc(collection, doc) },
    push: { batchSize: options.batches.push },
  });
  installUploadHandler(state, url, couchFetch);

  if (await rewindFutureUploadCheckpoint(db, await state.metaInfoPromise)) {
    log.warn('The upload checkpoint was ahead of the clock (the clock was turned back): checking every document for upload', { collection });
  }

  const replication: CollectionReplication = {
    collection,
    state,
    initialDone: false,
    received: 0,
    cancel: async () => {
      for (const sub of subscriptions) sub.unsubscribe();
      await state.cancel();
    },
  };
  const subscriptions = [
    state.error$.subscribe((error) => log.debug('Replication request failed; it will be retried', { collection, code: error.code })),
    state.conflict$.subscribe((conflict) => options.onConflict(conflict)),
    state.received$.subscribe(() => {
      replication.received += 1;
    }),
    state.active$.subscribe(() => options.onActivity()),
  ];
  void state.start();
  state.awaitInitialReplication().then(
    () => {
      replication.initialDone = true;
      options.onActivity();
    },
    (error: unknown) => log.debug('Initial replication ended without completing', { collection, error }),
  );
  return replication;
}
