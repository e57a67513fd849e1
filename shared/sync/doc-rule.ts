/**
 * The one rule of what a terminal may write to a replicated collection, as the source of a CouchDB
 * `validate_doc_update` function generated from the till's own RxDB JSON schema (shared/db/schemas.ts) and sync
 * policy (shared/sync/sync-policy.ts), so what CouchDB accepts and what the till writes cannot drift apart. The
 * server runs it (server/validate-doc.ts puts it in each database's design document; re-run `npm run server:setup`
 * after a schema changes) and the till runs the very same function on what it pulls (`compileDocRule`).
 *
 * It enforces, for everyone but server and database admins:
 * - every write is a create or an edit of the revision the server holds: a revision sent with `new_edits=false`
 *   (a replicator's write: unrelated, or grown from an older revision into a branch) carries a history the server
 *   cannot check — the old document it would be judged against is not the current one, or there is none — so it
 *   is refused, and with it the way a terminal could plant a conflicting branch (PouchDB-based servers show a
 *   stale edit the same way: server/member-writes.ts answers it as the conflict CouchDB would). CouchDB does not
 *   tell the function whether an edited leaf is the winning one: a branch that exists already (planted by an
 *   admin, or left by a split cluster) is judged against itself;
 * - the writer is a terminal of this store (role `<prefix>terminal`);
 * - shape: types, required fields, enums, lengths, bounds, no unknown fields (attachments included);
 * - sales and returns, stock movements and audit events are final once written, and only the terminal named
 *   in `terminalId` writes them (its account is `<prefix><terminalId>`; demo seed documents, terminal `DEMO`,
 *   may come from any manager terminal);
 * - payments, shifts and terminal status are changed only by their own terminal — the one named in the stored
 *   document as well as in the new one — and never in their frozen fields; set-once fields go from empty to a
 *   value once; lists that only grow keep their entries; a settled payment and a closed shift are final; a
 *   payment's first upload shows a status its kind can reach from a valid start, and later ones move only along
 *   the legal transitions (shared/payments/payment-states.ts);
 * - ids another till can predict name their terminal (IdRule in sync-policy.ts), so none can be taken first;
 * - products, categories, users and settings are written only by manager terminals (`<prefix>manager_terminal`).
 *
 * The till's pull checks a pulled document against its own copy with `compileDocRule(prefix, collection)`:
 * - both documents in CouchDB's shape (`_id`, not rxdb's primary key or `_meta`/`_attachments`);
 * - with a local copy: `rule({ ...pulled, _rev: R }, { ...local, _rev: R }, user)` — the same `_rev` string R on
 *   both (any string, e.g. the local revision), so the pulled document is judged as an edit of the local copy. A
 *   pulled document without `_rev`, or with another, against a local copy is refused as unchecked history;
 * - without a local copy: `rule(pulledWithoutRev, null, user)` — judged as a create;
 * - `user` is the account that may have written it: `{ name: terminalUserName(prefix, pulled.terminalId), roles:
 *   [terminalRole(prefix)] }` for terminals' own documents, with `managerTerminalRole(prefix)` added for shared
 *   collections and for `DEMO` seed documents;
 * - the answer is null when the document may be taken, else the reason to log and refuse.
 *
 * The function is ES5 (older CouchDB builds run SpiderMonkey 1.8.5).
 */
import type { RxJsonSchema } from 'rxdb';
import { COLLECTIONS } from '../db/collections';
import { managerTerminalRole, terminalRole, type ReplicatedCollection } from './sync-names';
import { SYNC_POLICIES, type SyncPolicy } from './sync-policy';

/** The JSON-schema keywords the function checks; everything else in an RxDB schema is for RxDB itself. */
const KEPT = ['type', 'maxLength', 'minLength', 'enum', 'minimum', 'maximum', 'maxItems', 'minItems', 'required', 'additionalProperties'] as const;

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  [keyword: string]: unknown;
}

function prune(node: SchemaNode): SchemaNode {
  const out: SchemaNode = {};
  for (const key of KEPT) if (node[key] !== undefined) (out as Record<string, unknown>)[key] = node[key];
  if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, prune(v)]));
  if (node.items) out.items = prune(node.items);
  return out;
}

/** The document's schema as CouchDB sees it: the primary key lives in `_id`. */
export function couchSchema(schema: RxJsonSchema<unknown>): { doc: SchemaNode; id: SchemaNode } {
  const primary = typeof schema.primaryKey === 'string' ? schema.primaryKey : 'id';
  const pruned = prune(schema as unknown as SchemaNode);
  const properties = { ...pruned.properties };
  const id = properties[primary] ?? { type: 'string' };
  delete properties[primary];
  const required = ((pruned.required as string[] | undefined) ?? []).filter((k) => k !== primary);
  return { doc: { ...pruned, properties, required }, id };
}

/** ES5 source, kept as text so no compiler can turn it into newer JavaScript. CONFIG is filled in per database. */
const VALIDATE_TEMPLATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var CONFIG = __CONFIG__;
  var roles = (userCtx && userCtx.roles) || [];
  var name = (userCtx && userCtx.name) || '';
  function inList(list, value) {
    if (!list) return false;
    for (var i = 0; i < list.length; i++) if (list[i] === value) return true;
    return false;
  }
  function has(o, k) {
    return Object.prototype.hasOwnProperty.call(o, k);
  }
  // Deep equality that ignores key order: a till's storage may hand the same object back with its keys reordered.
  function same(a, b) {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
    var k;
    for (k in a) if (has(a, k) && (!has(b, k) || !same(a[k], b[k]))) return false;
    for (k in b) if (has(b, k) && !has(a, k)) return false;
    return true;
  }
  function deny(message) {
    throw({ forbidden: CONFIG.collection + ' ' + (newDoc._id || '') + ': ' + message });
  }
  if (inList(roles, '_admin')) return;
  var admins = (secObj && secObj.admins) || {};
  if (inList(admins.names, name)) return;
  for (var r = 0; r < roles.length; r++) if (inList(admins.roles, roles[r])) return;

  // Every rule below compares the new document with oldDoc, so the new document must be an edit of exactly oldDoc
  // (its _rev), or a create where nothing live is held. CouchDB hands a replicated revision (new_edits=false) its
  // nearest stored ancestor, or nothing: judged against that, a forged history would pass, so it is refused. Checked
  // first, as CouchDB checks an interactive edit's revision before it validates.
  var held = !!oldDoc && oldDoc._deleted !== true;
  if (newDoc._rev ? !oldDoc || newDoc._rev !== oldDoc._rev : held) {
    deny(CONFIG.notCurrent + ' (' + (held ? oldDoc._rev : 'none') + '); it names ' + (newDoc._rev || 'none'));
  }
  if (!inList(roles, CONFIG.terminalRole)) deny('only terminals of this store (role ' + CONFIG.terminalRole + ') may write here');
  var policy = CONFIG.policy;
  var manager = inList(roles, CONFIG.managerRole);
  if (policy.kind === 'shared' && !manager) {
    deny('only a manager terminal (role ' + CONFIG.managerRole + ') may change ' + CONFIG.collection);
  }
  if (newDoc._deleted === true) {
    if (policy.kind === 'shared') return;
    deny('is never deleted; record a correction as a new document');
  }

  function check(s, v, path) {
    var t = s.type, i, k;
    if (t === 'string') {
      if (typeof v !== 'string') return path + ' must be text';
      if (s.maxLength !== undefined && v.length > s.maxLength) return path + ' is longer than ' + s.maxLength + ' characters';
      if (s.minLength !== undefined && v.length < s.minLength) return path + ' is shorter than ' + s.minLength + ' characters';
      if (s['enum'] && !inList(s['enum'], v)) return path + ' must be one of ' + s['enum'].join(', ');
    } else if (t === 'integer' || t === 'number') {
      if (typeof v !== 'number' || !isFinite(v)) return path + ' must be a number';
      if (t === 'integer' && Math.floor(v) !== v) return path + ' must be a whole number';
      if (s.minimum !== undefined && v < s.minimum) return path + ' must be at least ' + s.minimum;
      if (s.maximum !== undefined && v > s.maximum) return path + ' must be at most ' + s.maximum;
    } else if (t === 'boolean') {
      if (typeof v !== 'boolean') return path + ' must be true or false';
    } else if (t === 'array') {
      if (!Array.isArray(v)) return path + ' must be a list';
      if (s.maxItems !== undefined && v.length > s.maxItems) return path + ' has more than ' + s.maxItems + ' entries';
      if (s.minItems !== undefined && v.length < s.minItems) return path + ' has fewer than ' + s.minItems + ' entries';
      if (s.items) for (i = 0; i < v.length; i++) { var p = check(s.items, v[i], path + '[' + i + ']'); if (p) return p; }
    } else if (t === 'object') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return path + ' must be an object';
      var props = s.properties || {};
      var req = s.required || [];
      for (i = 0; i < req.length; i++) if (!has(v, req[i])) return (path ? path + '.' : '') + req[i] + ' is missing';
      for (k in v) {
        if (!has(v, k)) continue;
        if (path === '' && inList(CONFIG.couchFields, k)) continue;
        if (has(props, k)) {
          var q = check(props[k], v[k], (path ? path + '.' : '') + k);
          if (q) return q;
        } else if (s.additionalProperties === false) {
          return (path ? path + '.' : '') + k + ' is not a field of ' + CONFIG.collection;
        }
      }
    }
    return null;
  }

  var idProblem = check(CONFIG.id, newDoc._id, '_id');
  if (idProblem) deny(idProblem);
  var problem = check(CONFIG.schema, newDoc, '');
  if (problem) deny(problem);
  if (policy.kind === 'shared') return;

  // Whose it is: the account named by the new document and, for a change, by the stored one too (or a terminal
  // could take another's document by renaming it).
  function owns(terminalId) {
    return name === CONFIG.prefix + terminalId || (terminalId === CONFIG.seedTerminalId && manager);
  }
  if (!owns(newDoc.terminalId)) deny('the account ' + name + ' may not write documents of terminal ' + newDoc.terminalId);
  if (held && !owns(oldDoc.terminalId)) deny('the account ' + name + ' may not change documents of terminal ' + oldDoc.terminalId);
  var idRule = policy.id;
  if (!idRule.when || newDoc[idRule.when.field] === idRule.when.value) {
    var named = idRule.form === 'exact' ? newDoc._id === newDoc.terminalId : newDoc._id.indexOf(newDoc.terminalId + '-') === 0;
    if (!named) deny('the id of a document of terminal ' + newDoc.terminalId + ' must ' + (idRule.form === 'exact' ? 'be' : 'start with') + ' ' + newDoc.terminalId + (idRule.form === 'exact' ? '' : '-'));
  }

  var life = policy.lifecycle;
  if (!held) {
    if (life && !inList(life.initial[newDoc[life.kindField]], newDoc[life.field])) {
      deny('a ' + newDoc[life.kindField] + ' cannot be ' + newDoc[life.field] + ' when first uploaded');
    }
    return;
  }
  // A write that repeats a final document changes nothing, and is no change.
  var unchanged = same(fields(newDoc), fields(oldDoc));
  if (policy.kind === 'immutable') {
    if (!unchanged) deny('is final once written; record a correction as a new document');
    return;
  }
  var f, field;
  if (policy.finalWhen && inList(policy.finalWhen.values, oldDoc[policy.finalWhen.field]) && !unchanged) {
    deny('is ' + oldDoc[policy.finalWhen.field] + ' and cannot change');
  }
  for (f = 0; f < policy.frozen.length; f++) {
    field = policy.frozen[f];
    if (!same(newDoc[field], oldDoc[field])) deny(field + ' cannot change once written');
  }
  for (f = 0; policy.setOnce && f < policy.setOnce.length; f++) {
    field = policy.setOnce[f];
    if (oldDoc[field] !== '' && !same(newDoc[field], oldDoc[field])) deny(field + ' cannot change once set');
  }
  for (f = 0; policy.appendOnly && f < policy.appendOnly.length; f++) {
    field = policy.appendOnly[f];
    var before = oldDoc[field] || [];
    var after = newDoc[field] || [];
    if (after.length < before.length) deny(field + ' only grows: an entry cannot be taken back');
    for (var e = 0; e < before.length; e++) if (!same(after[e], before[e])) deny(field + '[' + e + '] cannot change once written');
  }
  if (life && newDoc[life.field] !== oldDoc[life.field] && !inList(life.transitions[oldDoc[life.field]], newDoc[life.field])) {
    deny(life.field + ' cannot change from ' + oldDoc[life.field] + ' to ' + newDoc[life.field]);
  }
  // A document's own fields, without CouchDB's (_rev, _revisions: they differ between two versions by design).
  function fields(doc) {
    var out = {};
    for (var k in doc) if (has(doc, k) && k.charAt(0) !== '_') out[k] = doc[k];
    return out;
  }
}`;

/**
 * Part of the refusal of a write that is not a create or an edit of the revision the server holds. CouchDB answers
 * a stale edit as a conflict before it validates; the embedded server validates first and turns this refusal back
 * into that conflict (server/member-writes.ts), so a till racing another at a shared document sees the same answer.
 */
export const NOT_CURRENT = 'is not a create or an edit of the revision the server holds';

export interface ValidateConfig {
  collection: ReplicatedCollection;
  prefix: string;
  terminalRole: string;
  managerRole: string;
  policy: SyncPolicy;
  id: SchemaNode;
  schema: SchemaNode;
  couchFields: string[];
  /** Demo tills all seed the same documents under this terminal id; manager terminals may upload them. */
  seedTerminalId: string;
  notCurrent: string;
}

export function validateConfig(prefix: string, collection: ReplicatedCollection): ValidateConfig {
  const { doc, id } = couchSchema(COLLECTIONS[collection].schema as RxJsonSchema<unknown>);
  return {
    collection,
    prefix,
    terminalRole: terminalRole(prefix),
    managerRole: managerTerminalRole(prefix),
    policy: SYNC_POLICIES[collection],
    id,
    schema: doc,
    couchFields: ['_id', '_rev', '_deleted', '_revisions'],
    seedTerminalId: 'DEMO',
    notCurrent: NOT_CURRENT,
  };
}

export function validateSource(config: ValidateConfig): string {
  return VALIDATE_TEMPLATE.replace('__CONFIG__', JSON.stringify(config));
}

/** What CouchDB hands the function besides the documents: who writes, and the database's security object. */
export interface DocRuleUser {
  name: string;
  roles: string[];
}

/** The rule as a function in this process: null when the write is allowed, else the reason it is refused. */
export type DocRule = (newDoc: Record<string, unknown>, oldDoc: Record<string, unknown> | null, user: DocRuleUser) => string | null;

/** Compiles the same source the server runs, for checks in this process (the till's pull). */
export function compileDocRule(prefix: string, collection: ReplicatedCollection): DocRule {
  // The generated source is data from this module, not input: evaluating it is how one rule serves both sides.
  const validate = new Function(`return (${validateSource(validateConfig(prefix, collection))});`)() as (
    newDoc: unknown,
    oldDoc: unknown,
    userCtx: unknown,
    secObj: unknown,
  ) => void;
  return (newDoc, oldDoc, user) => {
    try {
      validate(newDoc, oldDoc, user, {});
      return null;
    } catch (error) {
      const forbidden = (error as { forbidden?: unknown } | null)?.forbidden;
      return typeof forbidden === 'string' ? forbidden : `the rule failed: ${String(error)}`;
    }
  };
}
