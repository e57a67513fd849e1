/**
 * What the pull may take into this till's books. The server's validation cannot see everything (a server admin
 * writes past it; an older server may not have it), and a changes feed can deliver an older copy of a document
 * after a newer one was uploaded. So every pulled revision is judged here against the till's own copy before rxdb
 * sees it:
 * - this till's own sales, payments, shifts, stock movements, audit events and status are never replaced once
 *   held: only this till writes them, so what the server sends back is the same, older (quietly left), or written
 *   past the rules (reported); a copy it does not hold, after its store was lost, is taken as the rule allows;
 * - another terminal's documents must be a change the server's own rule allows from the copy held here — the very
 *   validate_doc_update function the server runs (shared/sync/doc-rule.ts), judged as if their owner wrote it: no
 *   payment goes back along its states, no frozen field changes, nothing final changes;
 * - catalog, users and settings: the version the one conflict rule would pick over the copy held here (a version
 *   with fewer edits is older, or lost already).
 * A refused revision stays on the server and is reported; the till keeps its own copy.
 */
import { createHash } from 'node:crypto';
import type { KassaDatabase } from '../db/open-database';
import { upgradeDoc } from '../../../shared/db/migrations';
import { compileDocRule, type DocRule, type DocRuleUser } from '../../../shared/sync/doc-rule';
import { managerTerminalRole, terminalRole, terminalUserName, type ReplicatedCollection } from '../../../shared/sync/sync-names';
import { SYNC_POLICIES } from '../../../shared/sync/sync-policy';
import { decideConflict, sameContent } from './conflict-rule';

type Doc = Record<string, unknown>;

/** A revision the pull did not take, and why. */
export interface RefusedRevision {
  collection: ReplicatedCollection;
  id: string;
  reason: string;
  /** The refused revision's content, hashed: the same refusal seen again is the same fingerprint. */
  fingerprint: string;
}

export type PullAdmission = (docs: readonly Doc[]) => Promise<boolean[]>;

export interface PullGuardOptions {
  db: KassaDatabase;
  collection: ReplicatedCollection;
  prefix: string;
  terminalId: string;
  /** Told of each refused revision of another terminal's (or a forged) document; an own document sent back is not news. */
  onRefused(refused: RefusedRevision): void;
}

/** Demo seed documents are uploaded by whichever manager terminal seeded them first (server/doc-rule.ts). */
const SEED_TERMINAL = 'DEMO';
/** The verdict for a revision not taken that is no news: the copy held here, or an older one of the till's own. */
const SILENT = 'silent';
/** The revision both sides get when a pulled document is judged as an edit of the copy held here. */
const HELD_REVISION = '1-held';

export function createPullGuard(options: PullGuardOptions): PullAdmission {
  const { db, collection, prefix, terminalId } = options;
  const policy = SYNC_POLICIES[collection];
  const rule: DocRule = compileDocRule(prefix, collection);
  const primary = db[collection].schema.primaryPath as string;
  const storage = db[collection].storageInstance;

  const judge = (incoming: Doc, held: Doc | null): string | null => {
    // A copy equal to the one held changes nothing, and is not passed on: rxdb writes what it pulled later than this
    // check, when the till may have moved on, and would then write this copy over the newer one.
    if (held && sameContent(held, incoming)) return SILENT;
    if (policy.kind !== 'shared' && held && String(held.terminalId ?? '') === terminalId) {
      // Never replaced. An older copy sent back is no news; anything else was written past the rules.
      const problem = asOwner(held, (user) => rule(asCouch(held, primary, HELD_REVISION), asCouch(incoming, primary, HELD_REVISION), user));
      return problem === null ? SILENT : `differs from this till's own copy (${problem})`;
    }
    if (policy.kind === 'shared') {
      if (!held) return rule(asCouch(incoming, primary, null), null, { name: `${prefix}pull`, roles: [terminalRole(prefix), managerTerminalRole(prefix)] });
      return decideConflict(policy, held, incoming).winner === 'server' ? null : 'older than the version held here (fewer edits)';
    }
    return asOwner(incoming, (user) => rule(asCouch(incoming, primary, held ? HELD_REVISION : null), held ? asCouch(held, primary, HELD_REVISION) : null, user));
  };

  /** Runs `check` as the account of the terminal the document names (what the server would require of a write). */
  const asOwner = (doc: Doc, check: (user: DocRuleUser) => string | null): string | null => {
    const owner = String(doc.terminalId ?? '');
    let name: string;
    try {
      name = terminalUserName(prefix, owner);
    } catch {
      return `names no valid terminal (${owner.slice(0, 30)})`;
    }
    return check({ name, roles: owner === SEED_TERMINAL ? [terminalRole(prefix), managerTerminalRole(prefix)] : [terminalRole(prefix)] });
  };

  return async (docs) => {
    if (docs.length === 0) return [];
    const upgraded = docs.map((doc) => upgradeDoc(collection, fromCouch(doc, primary)));
    const ids = upgraded.map((doc) => String(doc[primary]));
    const heldList = (await storage.findDocumentsById(ids, true)) as unknown as Doc[];
    const held = new Map(heldList.filter((doc) => doc._deleted !== true).map((doc) => [String(doc[primary]), strip(doc)]));
    return upgraded.map((incoming, i) => {
      const verdict = judge(incoming, held.get(ids[i]!) ?? null);
      if (verdict === null) return true;
      if (verdict !== SILENT) {
        const fingerprint = createHash('sha256').update(JSON.stringify(docs[i])).digest('hex').slice(0, 16);
        options.onRefused({ collection, id: ids[i]!, reason: verdict, fingerprint });
      }
      return false;
    });
  };
}

/** The replication's view of a CouchDB document: its id under the primary key, no `_rev`. */
function fromCouch(doc: Doc, primary: string): Doc {
  const { _id, _rev: _r, _revisions: _rs, _deleted, ...rest } = doc;
  return { [primary]: _id, ...rest, ...(_deleted === true ? { _deleted: true } : {}) };
}

/** A document as validate_doc_update sees it; with `rev`, judged as an edit of the revision held here. */
function asCouch(doc: Doc, primary: string, rev: string | null): Doc {
  const { [primary]: id, _deleted, ...rest } = doc;
  return { _id: id, ...(rev ? { _rev: rev } : {}), ...rest, ...(_deleted === true ? { _deleted: true } : {}) };
}

/** What is stored besides the document: rxdb's bookkeeping. */
function strip(doc: Doc): Doc {
  const { _meta: _m, _rev: _r, _attachments: _a, _deleted: _d, ...rest } = doc;
  return rest;
}
