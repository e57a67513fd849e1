/** The guarded fetch under rxdb's CouchDB replication, against a scripted server. */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { createCouchFetch, type RejectedWrite } from './couch-fetch';
import { SyncError } from './sync-errors';
import { ServerLink } from './server-link';

const BASE = 'http://couch.test/';
type Route = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;

function scriptedServer(route: Route) {
  const seen: string[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    seen.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    if (url.pathname === '/_session' && init?.method === 'POST') {
      return new Response('{"ok":true}', { status: 200, headers: { 'set-cookie': 'AuthSession=abc; Path=/; HttpOnly' } });
    }
    return route(url, init);
  }) as typeof fetch;
  const link = new ServerLink({
    url: BASE,
    username: 'kassa_T1',
    password: 'pw',
    timing: { minRetryMs: 10, maxRetryMs: 20, requestTimeoutMs: 2_000, longpollIdleMs: 2_000, gateWaitMs: 100 },
    log: createLogger('test'),
    now: Date.now,
    onChange: () => undefined,
    fetch: fetchImpl,
  });
  return { link, seen };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const noHooks = { onRejected: () => undefined, onAccepted: () => undefined };

describe('the fetch under the replication', () => {
  it('never hands a design document to the store and reads past a page that held only one', async () => {
    const { link, seen } = scriptedServer((url) => {
      const since = url.searchParams.get('since');
      if (since === '0') return json({ results: [{ id: '_design/kassa', doc: { _id: '_design/kassa' } }], last_seq: 1 });
      return json({ results: [{ id: 'a', doc: { _id: 'a' } }], last_seq: 2 });
    });
    const couchFetch = createCouchFetch(link, noHooks);
    const page = await (await couchFetch(`${BASE}kassa_sales/_changes?style=all_docs&feed=normal&since=0&limit=1`)).json();
    expect(page).toEqual({ results: [{ id: 'a', doc: { _id: 'a' } }], last_seq: 2 });
    expect(seen.filter((s) => s.includes('_changes'))).toHaveLength(2);
    link.close();
  });

  it('starts the live feed where the pull got to, not at "now"', async () => {
    const { link, seen } = scriptedServer((url) =>
      url.searchParams.get('feed') === 'longpoll' ? json({ results: [], last_seq: url.searchParams.get('since') }) : json({ results: [], last_seq: '17-abc' }),
    );
    const couchFetch = createCouchFetch(link, noHooks);
    const live = couchFetch(`${BASE}kassa_sales/_changes?feed=longpoll&since=now&limit=100`);
    await couchFetch(`${BASE}kassa_sales/_changes?feed=normal&since=0&limit=100`);
    expect(await (await live).json()).toEqual({ results: [], last_seq: '17-abc' });
    expect(seen.at(-1)).toContain('since=17-abc');
    link.close();
  });

  it('takes refused documents out of an upload answer and reports them, keeping conflicts for rxdb', async () => {
    const { link } = scriptedServer(() =>
      json(
        [
          { id: 'a', ok: true, rev: '1-a' },
          { id: 'b', error: 'forbidden', reason: 'sales b: total must be a whole number' },
          { id: 'c', error: 'conflict', reason: 'Document update conflict.' },
          { id: 'd', error: 'unauthorized', reason: 'nope' },
        ],
        201,
      ),
    );
    const rejected: RejectedWrite[] = [];
    const accepted: string[] = [];
    const couchFetch = createCouchFetch(link, { onRejected: (r) => rejected.push(...r), onAccepted: (ids) => accepted.push(...ids) });
    const answer = await (await couchFetch(`${BASE}kassa_sales/_bulk_docs?`, { method: 'POST', body: '{"docs":[]}' })).json();
    expect(answer).toEqual([
      { id: 'a', ok: true, rev: '1-a' },
      { id: 'c', error: 'conflict', reason: 'Document update conflict.' },
    ]);
    expect(rejected).toEqual([
      { id: 'b', error: 'forbidden', reason: 'sales b: total must be a whole number' },
      { id: 'd', error: 'unauthorized', reason: 'nope' },
    ]);
    expect(accepted).toEqual(['a']);
    link.close();
  });

  it('throws on an answer that is not ok, also on the live feed, so nothing is left unhandled', async () => {
    const { link } = scriptedServer(() => json({ error: 'unauthorized', reason: 'Name or password is incorrect.' }, 401));
    const couchFetch = createCouchFetch(link, noHooks);
    const failure = await couchFetch(`${BASE}kassa_sales/_changes?feed=longpoll&since=5&limit=10`).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncError);
    expect((failure as SyncError).problem).toMatchObject({ kind: 'wrong_credentials', status: 401 });
    expect(link.state).toMatchObject({ state: 'offline', problem: { kind: 'wrong_credentials' } });
    link.close();
  });

  it('refuses a changes answer without results instead of letting rxdb crash on it', async () => {
    const { link } = scriptedServer(() => json({ ok: true }));
    const couchFetch = createCouchFetch(link, noHooks);
    await expect(couchFetch(`${BASE}kassa_sales/_changes?feed=normal&since=0&limit=10`)).rejects.toMatchObject({ problem: { kind: 'bad_response' } });
    link.close();
  });
});
