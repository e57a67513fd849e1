/**
 * What a member of a store's database (a terminal; not an admin) may write on the embedded server, answered as
 * Apache CouchDB 3 answers it or as the store's rule (shared/sync/doc-rule.ts) needs it answered:
 * - revisions written with `new_edits=false` (a replicator's writes) are refused: express-pouchdb validates them
 *   against the winning revision, not the history they claim, and a terminal has no business replicating;
 * - a database's admin parts (design documents, `_security`, `_purge`, `_revs_limit`, indexes, compaction) are
 *   refused here rather than left to express-pouchdb's own checks (it let a member create an index's design
 *   document); members write documents (`_local` ones too: see below), read, and query;
 * - express-pouchdb validates an edit before it looks for a conflict, so an edit of a stale revision reaches the
 *   rule and is refused as one it cannot judge: it is answered as the conflict CouchDB answers, which is what a
 *   till uploading a shared document in a race with another till waits for.
 * `_local` documents are neither validated nor replicated, listed or pulled (CouchDB treats them the same way):
 * what a terminal writes there stays in that database's corner and no till reads it.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { NOT_CURRENT } from '../shared/sync/doc-rule';

/** express-pouchdb's own largest request body (its default max_document_size). */
const BODY_LIMIT = 4 * 1024 * 1024 * 1024;
const parseJson = express.json({ limit: BODY_LIMIT });

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Database endpoints a member may POST to: all reads (with keys or a query) but `_bulk_docs`. */
const MEMBER_POSTS = new Set(['_bulk_docs', '_all_docs', '_bulk_get', '_revs_diff', '_changes', '_find', '_explain', '_ensure_full_commit']);

const NOT_ADMIN = 'You are not a db or server admin.';
const REPLICATED = 'Only server and database admins may write revisions with new_edits=false: the store cannot check their history.';
const CONFLICT = { error: 'conflict', reason: 'Document update conflict.' };

/** `segments`: the request path's parts, the database first. Calls `next` for what express-pouchdb may serve. */
export function guardMemberWrite(req: Request, res: Response, next: NextFunction, segments: string[]): void {
  if (READS.has(req.method)) return next();
  const part = segments[1] ?? '';
  const newEdits = req.query.new_edits;
  if (newEdits !== undefined && newEdits !== 'true') return send(res, 403, { error: 'forbidden', reason: REPLICATED });
  if (!mayWrite(req.method, segments, req.get('destination') ?? '')) return send(res, 403, { error: 'forbidden', reason: NOT_ADMIN });
  answerStaleEditsAsConflicts(res);
  if (part !== '_bulk_docs') return next();
  parseJson(req, res, (error?: unknown) => {
    // As express-pouchdb answers a body it cannot read.
    if (error) return send(res, (error as { status?: number }).status === 413 ? 413 : 400, { error: 'bad_request', reason: 'invalid_json' });
    const body = req.body as { new_edits?: unknown; docs?: unknown } | undefined;
    if (body && typeof body === 'object' && 'new_edits' in body && body.new_edits !== true) {
      // Refused one by one in the answer, as CouchDB's rule refuses each document of such a request.
      const docs = Array.isArray(body.docs) ? (body.docs as { _id?: unknown; _rev?: unknown }[]) : [];
      return send(res, 201, docs.map((doc) => ({ id: doc?._id, rev: doc?._rev, error: 'forbidden', reason: REPLICATED })));
    }
    next();
  });
}

function mayWrite(method: string, segments: string[], destination: string): boolean {
  const [, part = '', ...rest] = segments;
  if (part === '') return method === 'POST';
  if (part === '_design') return method === 'POST' && rest[1] === '_view';
  if (part.startsWith('_') && part !== '_local') return method === 'POST' && MEMBER_POSTS.has(part);
  return method !== 'COPY' || !destination.startsWith('_design/');
}

/**
 * Turns the rule's refusal of a write that names a revision other than the one held (or names none for a document
 * that exists) into CouchDB's conflict answer, for a single document and for each row of `_bulk_docs`.
 */
function answerStaleEditsAsConflicts(res: Response): void {
  const original = res.send.bind(res);
  res.send = (body?: unknown) => {
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : null;
    if (text === null || !text.includes(NOT_CURRENT)) return original(body);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return original(body); // not an answer of express-pouchdb's: nothing to translate
    }
    const stale = (answer: unknown) => {
      const { error, reason } = (answer ?? {}) as { error?: unknown; reason?: unknown };
      return error === 'forbidden' && typeof reason === 'string' && reason.includes(NOT_CURRENT);
    };
    if (Array.isArray(parsed)) {
      const rows = parsed.map((row: { id?: unknown }) => (stale(row) ? { id: row.id, ...CONFLICT } : row));
      return original(Buffer.from(`${JSON.stringify(rows)}\n`));
    }
    if (!stale(parsed)) return original(body);
    res.status(409);
    return original(Buffer.from(`${JSON.stringify(CONFLICT)}\n`));
  };
}

function send(res: Response, status: number, body: unknown): void {
  res.status(status).set('content-type', 'application/json').send(JSON.stringify(body));
}
