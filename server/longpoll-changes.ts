/**
 * `GET /<db>/_changes?feed=longpoll` for the embedded server. express-pouchdb's own long poll starts a heartbeat
 * interval that is not cleared when the client goes away (every dropped till connection left a timer writing to
 * a dead socket, forever). This one answers like CouchDB — at once when there are changes, else with the first
 * change to come, heartbeat newlines meanwhile — and cleans up when the response ends or the client leaves.
 * Other feeds (normal, continuous) are left to express-pouchdb. The guards have checked access before this runs.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PouchConstructor = new (name: string) => any;

interface ChangesFeed {
  on(event: 'change', fn: (change: { seq: unknown }) => void): ChangesFeed;
  on(event: 'error', fn: (error: unknown) => void): ChangesFeed;
  cancel(): void;
}

const SUPPORTED = new Set(['feed', 'since', 'limit', 'include_docs', 'style', 'heartbeat', 'timeout', 'seq_interval', 'conflicts']);

function numberParam(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

export function longpollChanges(PouchDB: PouchConstructor): RequestHandler {
  const handles = new Map<string, ReturnType<typeof open>>();
  const open = (name: string) => new PouchDB(name);
  const database = (name: string) => {
    let db = handles.get(name);
    if (!db) handles.set(name, (db = open(name)));
    return db;
  };

  return (req: Request, res: Response, next: NextFunction) => {
    const query = req.query as Record<string, unknown>;
    if (query.feed !== 'longpoll' || Object.keys(query).some((k) => !SUPPORTED.has(k))) return next();
    // Opening a database that does not exist would create it: only databases the guard found are served here.
    if (res.locals.kassaDatabaseExists !== true) return next();
    const name = String(req.params.db);
    const sinceText = typeof query.since === 'string' ? query.since : '0';
    const options = {
      since: sinceText === 'now' ? 'now' : /^\d+$/.test(sinceText) ? Number(sinceText) : sinceText,
      limit: numberParam(query.limit),
      include_docs: query.include_docs === 'true',
      conflicts: query.conflicts === 'true',
      style: query.style === 'all_docs' ? 'all_docs' : 'main_only',
    };
    const heartbeatMs = numberParam(query.heartbeat) ?? 60_000;
    const timeoutMs = numberParam(query.timeout);
    const db = database(name);

    void (async () => {
      const first = (await db.changes({ ...options, return_docs: true })) as { results: unknown[]; last_seq: unknown };
      // A client that left while the changes were read (a till stopping) is gone for good: its 'close' has been
      // and will not come again, so a live feed and heartbeat started now would never be stopped.
      if (res.destroyed || res.writableEnded) return;
      if (first.results.length > 0) {
        res.status(200).type('application/json').send(JSON.stringify(first));
        return;
      }
      res.status(200).type('application/json');
      res.flushHeaders();
      let done = false;
      const live: ChangesFeed = db.changes({ ...options, since: first.last_seq, live: true });
      const heartbeat = setInterval(() => res.write('\n'), heartbeatMs);
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish({ results: [], last_seq: first.last_seq }), timeoutMs);
      function finish(body: unknown | null) {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        clearTimeout(timer);
        live.cancel();
        if (body !== null && !res.writableEnded && !res.destroyed) res.end(JSON.stringify(body));
      }
      live.on('change', (change) => finish({ results: [change], last_seq: change.seq }));
      live.on('error', () => finish({ results: [], last_seq: first.last_seq }));
      res.on('close', () => finish(null));
    })().catch((error: unknown) => {
      if (res.headersSent) res.end();
      else res.status(500).json({ error: 'internal_server_error', reason: String(error) });
    });
  };
}
