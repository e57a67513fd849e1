/**
 * Uploads refused documents again — after the server's rules or the terminal's account were fixed. Each one is
 * compared with what the server holds now, under the same conflict rule as the replication: a document the
 * server already has (or a winning version of) is settled without an upload.
 */
import type { RetryResult } from '../../../shared/api/commands/sync-commands';
import type { KassaDatabase } from '../db/open-database';
import type { Logger } from '../log';
import { decideConflict, sameContent } from './conflict-rule';
import type { RejectionList } from './rejections';
import type { ServerLink } from './server-link';
import { SYNC_POLICIES } from '../../../shared/sync/sync-policy';
import { databaseName, type ReplicatedCollection } from '../../../shared/sync/sync-names';

type Doc = Record<string, unknown>;

export interface RetryDeps {
  db: KassaDatabase;
  link: ServerLink;
  prefix: string;
  rejections: RejectionList;
  onLoser(collection: ReplicatedCollection, winner: Doc, loser: Doc, reason: string): Promise<void>;
  log: Logger;
}

interface AllDocsRow {
  key: string;
  doc?: Doc & { _rev?: string };
}

interface BulkRow {
  id?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

/** Local document as the server stores it: `_id` for the primary key, no RxDB bookkeeping. */
function toCouch(doc: Doc): Doc {
  const { id, _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return { ...rest, _id: id };
}

function fromCouch(doc: Doc): Doc {
  const { _id, _rev: _r, ...rest } = doc;
  return { ...rest, id: _id, _deleted: rest._deleted === true };
}

export async function retryRejectedDocs(deps: RetryDeps): Promise<RetryResult> {
  const result: RetryResult = { accepted: 0, stillRejected: 0, settled: 0 };
  const byCollection = new Map<ReplicatedCollection, string[]>();
  for (const entry of deps.rejections.list()) {
    const collection = entry.collection as ReplicatedCollection;
    byCollection.set(collection, [...(byCollection.get(collection) ?? []), entry.docId]);
  }
  for (const [collection, ids] of byCollection) {
    try {
      await retryCollection(deps, collection, ids, result);
    } catch (error) {
      deps.log.warn('Retrying refused documents stopped; they stay listed', { collection, error });
      result.stillRejected += ids.length;
    }
  }
  return result;
}

async function retryCollection(deps: RetryDeps, collection: ReplicatedCollection, ids: string[], result: RetryResult): Promise<void> {
  const db = databaseName(deps.prefix, collection);
  const locals = await deps.db[collection].storageInstance.findDocumentsById(ids, true);
  const localById = new Map(locals.map((d) => [String((d as unknown as Doc).id), d as unknown as Doc]));
  const answer = await deps.link.request(`${db}/_all_docs`, { method: 'POST', body: JSON.stringify({ keys: ids, include_docs: true }) });
  const rows = (JSON.parse(answer.text) as { rows: AllDocsRow[] }).rows;
  const upload: Doc[] = [];
  for (const id of ids) {
    const local = localById.get(id);
    const remote = rows.find((r) => r.key === id)?.doc;
    if (!local) {
      deps.rejections.accepted(collection, [id]);
      result.settled++;
      continue;
    }
    const localContent = { ...toCouchFree(local), _deleted: local._deleted === true };
    if (remote) {
      const remoteContent = fromCouch(remote);
      if (sameContent(localContent, remoteContent)) {
        deps.rejections.accepted(collection, [id]);
        result.settled++;
        continue;
      }
      const decision = decideConflict(SYNC_POLICIES[collection], localContent, remoteContent);
      if (decision.winner === 'server') {
        await deps.onLoser(collection, remoteContent, localContent, decision.reason);
        deps.rejections.accepted(collection, [id]);
        result.settled++;
        continue;
      }
      upload.push({ ...toCouch(local), _rev: remote._rev });
    } else {
      upload.push(toCouch(local));
    }
  }
  if (upload.length === 0) return;
  const written = await deps.link.request(`${db}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: upload }) });
  const refused = [];
  for (const row of JSON.parse(written.text) as BulkRow[]) {
    if (!row.id) continue;
    if (row.ok) {
      deps.rejections.accepted(collection, [row.id]);
      result.accepted++;
    } else if (row.error === 'conflict') {
      // Someone wrote it in between: the next retry compares again.
      result.stillRejected++;
    } else {
      refused.push({ id: row.id, error: String(row.error ?? 'error'), reason: String(row.reason ?? '') });
    }
  }
  if (refused.length > 0) deps.rejections.rejected(collection, refused);
  result.stillRejected += refused.length;
}

function toCouchFree(doc: Doc): Doc {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return rest;
}
