/**
 * The `fetch` rxdb's CouchDB replication uses for one database, built on the terminal's ServerLink. It closes
 * the replication's known pitfalls:
 * - any answer that is not ok throws (a 401 on the live feed would otherwise crash rxdb's long-poll loop);
 * - design documents (`_design/…`) never reach the store, nor does a revision the pull guard refuses (an older
 *   copy of the till's own document, a change the rules do not allow: pull-guard.ts); a page that lost some to
 *   these filters is filled up from the following changes, because rxdb takes a short page for the end of the feed
 *   and would stop its first pull;
 * - a document the server's validate_doc_update refuses is taken out of the upload's answer and reported,
 *   so it cannot wedge the upload of the documents after it; the sync engine lists it for a manager and
 *   retries it later;
 * - rxdb starts its live feed at `since=now` and keeps asking for `now` until the first change arrives, also
 *   after failed requests: changes written between a dropped connection and the retry were never pulled. The
 *   live feed here always starts where this database's pull got to.
 */
import type { PullAdmission } from './pull-guard';
import { SyncError } from './sync-errors';
import type { ServerLink } from './server-link';

export interface RejectedWrite {
  id: string;
  error: string;
  reason: string;
}

export interface CouchFetchHooks {
  onRejected(rows: RejectedWrite[]): void;
  onAccepted(ids: string[]): void;
  /** Which pulled documents may reach the store (the pull guard); absent: all but design documents. */
  admit?: PullAdmission;
}

interface ChangesRow {
  id: string;
  doc?: Record<string, unknown>;
}

interface ChangesPage {
  results: ChangesRow[];
  last_seq: unknown;
}

interface BulkRow {
  id?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

/** Most extra requests one page makes to fill itself up past design documents. */
const MAX_SKIPPED_PAGES = 50;

export function isDesignDocId(id: unknown): boolean {
  return typeof id === 'string' && id.startsWith('_design/');
}

/** How far this database's pulls got: the sequence the live feed continues from. */
class PullPosition {
  lastSeq: unknown = undefined;
  /** When the pull last got further (or when this started). */
  advancedAt = Date.now();
  caughtUp = false;
  private signalCaughtUp!: () => void;
  readonly reached = new Promise<void>((resolve) => {
    this.signalCaughtUp = resolve;
  });

  advance(lastSeq: unknown, reachedEnd: boolean): void {
    if (lastSeq === undefined || lastSeq === null) return;
    this.lastSeq = lastSeq;
    this.advancedAt = Date.now();
    if (reachedEnd && !this.caughtUp) {
      this.caughtUp = true;
      this.signalCaughtUp();
    }
  }

  /**
   * Waits while the first pull makes progress, so the live feed does not read the same changes alongside it; gives
   * up when the pull stalls (offline) for `stallMs`.
   */
  async untilCaughtUpOrStalled(stallMs: number): Promise<void> {
    while (!this.caughtUp && Date.now() - this.advancedAt < stallMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.reached, new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
      clearTimeout(timer);
    }
  }
}

/** A live feed waits for the first pull as long as that makes progress, and this long when it does not. */
const FIRST_PULL_STALL_MS = 20_000;

export function createCouchFetch(link: ServerLink, hooks: CouchFetchHooks): typeof fetch {
  const position = new PullPosition();
  const couchFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    if (!url.startsWith(link.url)) throw new Error('The replication asked for an address outside its server');
    const path = url.slice(link.url.length);
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? init.body : undefined;
    if (init?.body !== undefined && body === undefined) throw new Error('Only JSON text bodies are sent to the server');

    if (method === 'GET' && /^[^/]+\/_changes\?/.test(path)) return json(await readChanges(link, path, position, hooks.admit));
    const answer = await link.request(path, { method, body });
    if (method === 'POST' && /^[^/]+\/_bulk_docs(\?|$)/.test(path)) return json(splitBulkAnswer(answer.text, hooks));
    return new Response(answer.text, { status: answer.status, headers: { 'content-type': 'application/json' } });
  };
  return couchFetch as typeof fetch;
}

async function readChanges(link: ServerLink, path: string, position: PullPosition, admit: PullAdmission | undefined): Promise<ChangesPage> {
  const query = new URLSearchParams(path.slice(path.indexOf('?') + 1));
  const longpoll = query.get('feed') === 'longpoll';
  if (longpoll && query.get('since') === 'now') {
    await position.untilCaughtUpOrStalled(FIRST_PULL_STALL_MS);
    if (position.lastSeq === undefined) {
      throw new SyncError({ kind: 'unreachable', message: 'The live feed waits for the first pull to finish.' });
    }
    query.set('since', String(position.lastSeq));
  }
  if (longpoll) {
    const page = await fetchChangesPage(link, path, query, true);
    position.advance(page.last_seq, true);
    return { ...page, results: await admitted(page.results, admit) };
  }
  // rxdb ends its first pull at the first page shorter than the batch size. A page that lost design documents
  // to the filter is filled up from the following changes, so only the true end of the feed is short.
  const limit = Number(query.get('limit') ?? Number.POSITIVE_INFINITY);
  const results: ChangesPage['results'] = [];
  let lastSeq: unknown = query.get('since');
  for (let round = 0; ; round++) {
    const wanted = limit - results.length;
    if (Number.isFinite(wanted)) query.set('limit', String(wanted));
    const page = await fetchChangesPage(link, path, query, false);
    lastSeq = page.last_seq;
    results.push(...(await admitted(page.results, admit)));
    const ended = page.results.length < wanted;
    if (ended || results.length >= limit || round >= MAX_SKIPPED_PAGES) {
      position.advance(lastSeq, ended);
      return { results, last_seq: lastSeq };
    }
    query.set('since', String(lastSeq));
  }
}

/** The rows of a page that may reach the store: no design documents, and what the pull guard admits. */
async function admitted(rows: ChangesRow[], admit: PullAdmission | undefined): Promise<ChangesRow[]> {
  const documents = rows.filter((row) => !isDesignDocId(row?.id));
  if (!admit) return documents;
  const verdicts = await admit(documents.map((row) => row.doc ?? { _id: row.id }));
  return documents.filter((_, i) => verdicts[i]);
}

async function fetchChangesPage(link: ServerLink, path: string, query: URLSearchParams, longpoll: boolean): Promise<ChangesPage> {
  const answer = await link.request(`${path.slice(0, path.indexOf('?'))}?${query.toString()}`, { longpoll });
  const parsed = parseJson(answer.text) as Partial<ChangesPage> | null;
  if (!parsed || !Array.isArray(parsed.results)) {
    throw new SyncError({ kind: 'bad_response', message: 'The server sent a changes feed without results.' });
  }
  return parsed as ChangesPage;
}

function splitBulkAnswer(text: string, hooks: CouchFetchHooks): BulkRow[] {
  const rows = parseJson(text);
  if (!Array.isArray(rows)) throw new SyncError({ kind: 'bad_response', message: 'The server sent an upload answer that is not a list.' });
  const kept: BulkRow[] = [];
  const rejected: RejectedWrite[] = [];
  const accepted: string[] = [];
  for (const row of rows as BulkRow[]) {
    if (row.ok || row.error === 'conflict') {
      kept.push(row);
      if (row.ok && row.id) accepted.push(row.id);
    } else if (row.id) {
      rejected.push({ id: row.id, error: String(row.error ?? 'error'), reason: String(row.reason ?? '') });
    }
  }
  if (rejected.length > 0) hooks.onRejected(rejected);
  if (accepted.length > 0) hooks.onAccepted(accepted);
  return kept;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SyncError({ kind: 'bad_response', message: 'The server sent an answer that is not JSON.' });
  }
}

function json(value: unknown): Response {
  return new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });
}
