/**
 * The one rule of what a terminal may write to a replicated collection, as the source of a CouchDB
 * `validate_doc_update` function generated from the till's own RxDB JSON schema (shared/db/schemas.ts) and sync
 * policy (shared/sync/sync-policy.ts), so what CouchDB accepts and what the till writes cannot drift apart. The
 * server runs it (server/validate-doc.ts puts it in each database's design document; re-run `npm run server:setup`
 * after a schema changes) and the till runs the very same function on what it pulls (`compileDocRule`).
 *
 * It enforces, for everyone but server and database admins:
 * - the writer is a terminal of this store (role `<prefix>terminal`);
 * - shape: types, required fields, enums, lengths, bounds, no unknown fields;
 * - sales and returns, stock movements and audit events are final once written, and only the terminal named
 *   in `terminalId` writes them (its account is `<prefix><terminalId>`; demo seed documents, terminal `DEMO`,
 *   may come from any manager terminal);
 * - payments and shifts are changed only by their own terminal, and never in their frozen fields (a payment's
 *   amount, method, card and sale; a shift's opening); a closed shift is final; a payment starts only in a status
 *   its kind allows and changes status only along the legal transitions (shared/payments/payment-states.ts);
 * - products, categories, users and settings are written only by manager terminals (`<prefix>manager_terminal`).
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
  function deny(message) {
    throw({ forbidden: CONFIG.collection + ' ' + (newDoc._id || '') + ': ' + message });
  }
  if (inList(roles, '_admin')) return;
  // A write that names no revision of a document the server holds is a conflict, never a change: CouchDB answers
  // it so before validating; PouchDB-based servers validate first, and "final" would refuse a till's retried upload.
  if (oldDoc && oldDoc._deleted !== true && !newDoc._rev) return;
  var admins = (secObj && secObj.admins) || {};
  if (inList(admins.names, name)) return;
  for (var r = 0; r < roles.length; r++) if (inList(admins.roles, roles[r])) return;
  if (!inList(roles, CONFIG.terminalRole)) deny('only terminals of this store (role ' + CONFIG.terminalRole + ') may write here');
  var policy = CONFIG.policy;
  if (policy.kind === 'shared' && !inList(roles, CONFIG.managerRole)) {
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
      for (i = 0; i < req.length; i++) if (!Object.prototype.hasOwnProperty.call(v, req[i])) return (path ? path + '.' : '') + req[i] + ' is missing';
      for (k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        if (path === '' && inList(CONFIG.couchFields, k)) continue;
        if (Object.prototype.hasOwnProperty.call(props, k)) {
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

  var seed = newDoc.terminalId === CONFIG.seedTerminalId && inList(roles, CONFIG.managerRole);
  if (policy.kind !== 'shared' && !seed && name !== CONFIG.prefix + newDoc.terminalId) {
    deny('the account ' + name + ' may not write documents of terminal ' + newDoc.terminalId);
  }
  var life = policy.lifecycle;
  var isNew = !oldDoc || oldDoc._deleted === true;
  if (life && isNew && !inList(life.initial[newDoc[life.kindField]], newDoc[life.field])) {
    deny('a ' + newDoc[life.kindField] + ' cannot start as ' + newDoc[life.field]);
  }
  if (!isNew) {
    if (policy.kind === 'immutable') deny('is final once written; record a correction as a new document');
    if (policy.kind === 'owned') {
      for (var f = 0; f < policy.frozen.length; f++) {
        var field = policy.frozen[f];
        if (JSON.stringify(newDoc[field]) !== JSON.stringify(oldDoc[field])) deny(field + ' cannot change once written');
      }
      if (policy.finalWhen && oldDoc[policy.finalWhen.field] === policy.finalWhen.value) deny('is ' + policy.finalWhen.value + ' and cannot change');
      if (life && newDoc[life.field] !== oldDoc[life.field] && !inList(life.transitions[oldDoc[life.field]], newDoc[life.field])) {
        deny(life.field + ' cannot change from ' + oldDoc[life.field] + ' to ' + newDoc[life.field]);
      }
    }
  }
}`;

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
