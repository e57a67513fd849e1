/**
 * Test helper: raw CouchDB requests to a store's databases as one of its terminal accounts (or as nobody), and what
 * the server holds, read as its admin — for tests that write as a till would, or as a hostile one might. Every name
 * comes from the backend's prefix.
 */
import type { SyncBackend } from '../../electron/core/sync/test-support/sync-harness';
import { databaseName, terminalUserName, type ReplicatedCollection } from '../../shared/sync/sync-names';

/** A document as CouchDB takes it. */
export type Doc = Record<string, unknown> & { _id: string };

export interface Answer {
  status: number;
  body: unknown;
}

/** `<status> <error>` of an answer; for `_bulk_docs`, the errors of its rows (`ok` when none). */
export function outcome(answer: Answer): string {
  if (Array.isArray(answer.body)) {
    const errors = (answer.body as { error?: string }[]).filter((row) => row.error).map((row) => row.error);
    return `${answer.status} ${errors.length > 0 ? [...new Set(errors)].join(',') : 'ok'}`;
  }
  const error = (answer.body as { error?: string } | null)?.error;
  return `${answer.status} ${error ?? 'ok'}`;
}

/** A terminal id of the backend's accounts, or 'nobody' for a request without credentials. */
export type Writer = string;

export class StoreClient {
  constructor(private readonly backend: SyncBackend) {}

  db(collection: ReplicatedCollection): string {
    return databaseName(this.backend.prefix, collection);
  }

  docPath(collection: ReplicatedCollection, id: string): string {
    return `${this.db(collection)}/${encodeURIComponent(id)}`;
  }

  async send(as: Writer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const user = as === 'nobody' ? null : `${terminalUserName(this.backend.prefix, as)}:${this.backend.passwordOf(as)}`;
    const response = await fetch(this.backend.url + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(user ? { authorization: `Basic ${Buffer.from(user).toString('base64')}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      return { status: response.status, body: text }; // shown as it came when an assertion fails
    }
  }

  bulk(as: Writer, collection: ReplicatedCollection, docs: unknown[], options: Record<string, unknown> = {}): Promise<Answer> {
    return this.send(as, 'POST', `${this.db(collection)}/_bulk_docs`, { ...options, docs });
  }

  put(as: Writer, collection: ReplicatedCollection, doc: Doc, query = '', headers: Record<string, string> = {}): Promise<Answer> {
    return this.send(as, 'PUT', `${this.docPath(collection, doc._id)}${query}`, doc, headers);
  }

  /** A write that must succeed (a legitimate one): answers the new revision. */
  async write(as: Writer, collection: ReplicatedCollection, doc: Doc): Promise<string> {
    const answer = await this.put(as, collection, doc);
    if (answer.status !== 201) throw new Error(`Writing ${collection}/${doc._id} as ${as}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return (answer.body as { rev: string }).rev;
  }

  /** What the server holds under an id: its winning revision, its history, attachments and any conflicting branches. */
  async held(collection: ReplicatedCollection, id: string): Promise<Answer> {
    const query = '?revs=true&conflicts=true&deleted_conflicts=true&attachments=true';
    const answer = await this.backend.admin.request('GET', `${this.docPath(collection, id)}${query}`);
    return { status: answer.status, body: answer.body };
  }

  /** The server's current version of a document that must exist. */
  async current(collection: ReplicatedCollection, id: string): Promise<Doc & { _rev: string }> {
    const answer = await this.backend.admin.request<Doc & { _rev: string }>('GET', this.docPath(collection, id));
    if (answer.status !== 200) throw new Error(`${collection}/${id} is not on the server (${answer.status})`);
    return answer.body;
  }
}
