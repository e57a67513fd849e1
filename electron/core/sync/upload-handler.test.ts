/** The upload handler around rxdb's CouchDB push, against a scripted server. */
import type { RxReplicationWriteToMasterRow } from 'rxdb';
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { describe, expect, it, vi } from 'vitest';
import { installUploadHandler } from './upload-handler';

const DB = 'http://couch.test/kassa_sales/';
type Doc = Record<string, unknown>;
type Row = RxReplicationWriteToMasterRow<Doc>;

/** A replication state as far as the handler uses it; rxdb's own handler answers with what it was given. */
function fakeReplication() {
  const toRxdb: Row[][] = [];
  const state = {
    collection: { schema: { primaryPath: 'id' } },
    push: {
      batchSize: 1_000,
      handler: async (rows: Row[]) => {
        toRxdb.push(rows);
        return [];
      },
    },
  };
  return { state: state as unknown as RxCouchDBReplicationState<Doc>, toRxdb, handler: () => state.push.handler };
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const sale = (id: string): Doc => ({ id, total: 100, _deleted: false });

describe('the upload handler', () => {
  it('writes documents the server is not known to have without reading them first', async () => {
    const seen: { path: string; body: unknown }[] = [];
    const { state, toRxdb, handler } = fakeReplication();
    installUploadHandler(state, DB, (async (input: string, init?: RequestInit) => {
      seen.push({ path: String(input).slice(DB.length), body: JSON.parse(String(init?.body)) });
      return json([{ id: 'S1', ok: true, rev: '1-a' }]);
    }) as unknown as typeof fetch);

    const known = { newDocumentState: sale('P1'), assumedMasterState: sale('P1') } as Row;
    expect(await handler()([{ newDocumentState: sale('S1') } as Row, known])).toEqual([]);
    expect(seen).toEqual([{ path: '_bulk_docs', body: { docs: [{ _id: 'S1', total: 100, _deleted: false }] } }]);
    expect(toRxdb).toEqual([[known]]);
  });

  it('hands the server version of a document it already held to rxdb as a conflict', async () => {
    const seen: string[] = [];
    const { state, handler } = fakeReplication();
    installUploadHandler(state, DB, (async (input: string) => {
      const path = String(input).slice(DB.length);
      seen.push(path);
      if (path === '_bulk_docs') return json([{ id: 'S1', ok: true, rev: '1-a' }, { id: 'S2', error: 'conflict', reason: 'Document update conflict.' }]);
      return json({ rows: [{ id: 'S2', key: 'S2', value: { rev: '1-b' }, doc: { _id: 'S2', _rev: '1-b', total: 7 } }] });
    }) as unknown as typeof fetch);

    const conflicts = await handler()([{ newDocumentState: sale('S1') } as Row, { newDocumentState: sale('S2') } as Row]);
    expect(seen).toEqual(['_bulk_docs', '_all_docs']);
    expect(conflicts).toEqual([{ id: 'S2', total: 7, _deleted: false }]);
  });

  it('keeps two uploads of a collection in flight at a time, the others waiting their turn', async () => {
    // Every upload stays on the server until the test answers it, so no timing can hide a third one starting.
    const inFlight: { id: string; answer: () => void }[] = [];
    let most = 0;
    const { state, handler } = fakeReplication();
    installUploadHandler(state, DB, (async (_input: string, init?: RequestInit) => {
      const id = (JSON.parse(String(init?.body)) as { docs: { _id: string }[] }).docs[0]!._id;
      await new Promise<void>((answer) => {
        inFlight.push({ id, answer });
        most = Math.max(most, inFlight.length);
      });
      return json([{ id, ok: true, rev: '1-a' }]);
    }) as unknown as typeof fetch);

    const uploads = Promise.all(Array.from({ length: 6 }, (_, i) => handler()([{ newDocumentState: sale(`S${i}`) } as Row])));
    const answered: string[] = [];
    for (let left = 6; left > 0; left--) {
      await vi.waitFor(() => expect(inFlight.map((u) => u.id)).toHaveLength(Math.min(2, left)), { interval: 5 });
      const first = inFlight.shift()!;
      answered.push(first.id);
      first.answer();
    }
    await uploads;
    expect(most).toBe(2);
    expect(answered).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5']);
  });
});
