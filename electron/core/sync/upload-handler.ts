/**
 * The upload (push) side of a collection's replication, around rxdb's CouchDB push handler:
 * - rxdb reads the server's version of every document in a batch (`_all_docs` with the keys) before it writes
 *   the batch (`_bulk_docs`). Most of what a till uploads is new — sales, payments, stock movements, audit
 *   events — with no server version known here (no "assumed master state"), and for those the read only finds
 *   nothing, at a cost per document on the server. They go to `_bulk_docs` without a `_rev` straight away: a
 *   server that holds one after all refuses the write as a conflict, and its version is then fetched and handed
 *   to rxdb as the conflict, as rxdb's own handler does. Documents with a known server version go through
 *   rxdb's handler unchanged.
 * - rxdb sends every batch of a large upload at once (10,000 sales: ten requests of 1,000 in flight). Two at a
 *   time keep the server busy without ten uploads competing for it, and the documents land batch by batch, so
 *   an upload cut short has stored its first batches rather than a part of each.
 */
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { couchDBDocToRxDocData, couchSwapPrimaryToId, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';

type Doc = Record<string, unknown>;
type Row = RxReplicationWriteToMasterRow<Doc>;

/** Uploads of one collection in flight at once: one being stored while the next is on its way. */
const UPLOADS_IN_FLIGHT = 2;

interface BulkRow {
  id?: string;
  ok?: boolean;
  error?: string;
}

interface AllDocsAnswer {
  rows?: { key: string; doc?: Doc | null }[];
}

/** Replaces the push handler of a replication that has not started yet. */
export function installUploadHandler(state: RxCouchDBReplicationState<Doc>, dbUrl: string, fetchImpl: typeof fetch): void {
  const push = state.push;
  if (!push) return;
  const primaryPath = state.collection.schema.primaryPath as string;
  const rxdbHandler = push.handler;
  const slots = new Slots(UPLOADS_IN_FLIGHT);
  push.handler = (rows) =>
    slots.run(async () => {
      const known = rows.filter((row) => row.assumedMasterState);
      const fresh = rows.filter((row) => !row.assumedMasterState);
      const [conflictsOfKnown, conflictsOfFresh] = await Promise.all([
        known.length > 0 ? rxdbHandler(known) : [],
        fresh.length > 0 ? uploadFresh(fresh, primaryPath, dbUrl, fetchImpl) : [],
      ]);
      return [...conflictsOfKnown, ...conflictsOfFresh];
    });
}

/** Writes documents the server is not known to have; answers the server's versions of those it had after all. */
async function uploadFresh(rows: Row[], primaryPath: string, dbUrl: string, fetchImpl: typeof fetch): Promise<WithDeleted<Doc>[]> {
  const docs = rows.map((row) => couchSwapPrimaryToId(primaryPath as never, row.newDocumentState));
  const written = (await postJson(fetchImpl, `${dbUrl}_bulk_docs`, { docs })) as BulkRow[];
  const conflictIds: string[] = [];
  for (const row of written) {
    if (row.error === 'conflict' && row.id) conflictIds.push(row.id);
    // The guarded fetch has taken refused documents out of the answer; anything else unexpected fails the
    // batch, and rxdb sends it again.
    else if (!row.ok) throw new Error(`The server did not store ${row.id ?? 'a document'}: ${row.error ?? 'no reason given'}`);
  }
  if (conflictIds.length === 0) return [];
  const current = (await postJson(fetchImpl, `${dbUrl}_all_docs`, { keys: conflictIds, include_docs: true })) as AllDocsAnswer;
  return (current.rows ?? []).map((row) => {
    // Deleted since it refused the write: the batch goes again, and then the write succeeds.
    if (!row.doc) throw new Error(`The server's version of ${row.key} went away while its conflict was read`);
    return couchDBDocToRxDocData(primaryPath, row.doc) as WithDeleted<Doc>;
  });
}

async function postJson(fetchImpl: typeof fetch, url: string, body: unknown): Promise<unknown> {
  const response = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

/** Runs at most `size` tasks at once, the others in the order they came. */
class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.size) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next task waiting, or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
