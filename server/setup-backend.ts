/**
 * Prepares a CouchDB (Apache CouchDB 3.x, or the embedded dev server) for one store: a database per replicated
 * collection, their `_security`, the validate_doc_update design documents, and terminal accounts. Idempotent:
 * run it again after an upgrade (it updates design documents whose generated source changed) or to add a
 * terminal; it changes nothing that is already right. It needs a server admin, because on CouchDB 3 only admins
 * create databases and accounts.
 */
import { randomBytes } from 'node:crypto';
import { redactUrl } from '../shared/sync/couch-url';
import {
  assertDbPrefix,
  databaseName,
  managerTerminalRole,
  REPLICATED_COLLECTIONS,
  terminalRole,
  terminalUserName,
} from '../shared/sync/sync-names';
import { CouchAdmin, CouchAdminError } from './couch-admin';
import { designDoc, DESIGN_DOC_ID, type KassaDesignDoc } from './validate-doc';

export interface TerminalAccount {
  terminalId: string;
  /** Omitted: a random one is made and returned in the report (shown once). */
  password?: string;
  /** May also write products, categories, users and settings. */
  manager?: boolean;
}

export interface SetupOptions {
  /** `http://admin:password@host:5984/` */
  adminUrl: string;
  prefix: string;
  /** CouchDB cluster settings for new databases: shards (q) and copies of each shard (n). */
  shards?: number;
  replicas?: number;
  terminals?: TerminalAccount[];
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

export interface SetupReport {
  server: string;
  createdDatabases: string[];
  updatedSecurity: string[];
  updatedDesignDocs: string[];
  terminals: { terminalId: string; username: string; created: boolean; password: string; roles: string[] }[];
}

interface Security {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}

export function storeAdminRole(prefix: string): string {
  return `${prefix}admin`;
}

export async function setupBackend(options: SetupOptions): Promise<SetupReport> {
  assertDbPrefix(options.prefix);
  const log = options.log ?? (() => undefined);
  const couch = new CouchAdmin(options.adminUrl, options.fetch);
  const server = await checkAdmin(couch);
  log(`Setting up store "${options.prefix}" on ${server} at ${redactUrl(couch.url)}`);
  const report: SetupReport = { server, createdDatabases: [], updatedSecurity: [], updatedDesignDocs: [], terminals: [] };

  // A single-node CouchDB 3 set up by hand may lack the users database.
  await couch.expect('Creating _users', 'PUT', '_users', undefined, [201, 202, 412]);

  for (const collection of REPLICATED_COLLECTIONS) {
    const db = databaseName(options.prefix, collection);
    const query = new URLSearchParams();
    if (options.shards) query.set('q', String(options.shards));
    if (options.replicas) query.set('n', String(options.replicas));
    const created = await couch.expect(`Creating ${db}`, 'PUT', `${db}${query.toString() ? `?${query.toString()}` : ''}`, undefined, [201, 202, 412]);
    if (created.status !== 412) report.createdDatabases.push(db);
    if (await retryOnConflict(() => ensureSecurity(couch, db, options.prefix))) report.updatedSecurity.push(db);
    if (await retryOnConflict(() => ensureDesignDoc(couch, db, designDoc(options.prefix, collection)))) report.updatedDesignDocs.push(db);
  }

  for (const terminal of options.terminals ?? []) {
    report.terminals.push(await retryOnConflict(() => ensureTerminal(couch, options.prefix, terminal)));
  }

  log(
    `Done: ${report.createdDatabases.length} databases created, ${report.updatedSecurity.length} security objects and ` +
      `${report.updatedDesignDocs.length} design documents updated, ${report.terminals.length} terminal accounts written.`,
  );
  return report;
}

async function checkAdmin(couch: CouchAdmin): Promise<string> {
  const session = await couch.request<{ userCtx?: { roles?: string[] } }>('GET', '_session');
  if (session.status === 401) throw new CouchAdminError('The server refused the admin name or password in the URL.', 401);
  const root = await couch.expect<Record<string, unknown>>('Reaching the server', 'GET', '', undefined, [200]);
  if (!session.body.userCtx?.roles?.includes('_admin')) {
    throw new CouchAdminError('The account in the URL is not a server admin; set-up needs one (databases and accounts are admin-only).', 403);
  }
  const body = root.body;
  if (body.couchdb === 'Welcome') return `CouchDB ${String(body.version ?? '')}`.trim();
  if (typeof body['express-pouchdb'] === 'string') return 'the Kassa embedded server';
  return 'a CouchDB-compatible server';
}

/** Members: the store's terminals; admins: the store's IT role. Entries added by hand are kept. */
/** Another set-up running at the same time (two tills starting the dev server) may win a write: read again. */
async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof CouchAdminError) || error.status !== 409 || i >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * i));
    }
  }
}

async function ensureSecurity(couch: CouchAdmin, db: string, prefix: string): Promise<boolean> {
  const current = (await couch.expect<Security>(`Reading ${db}/_security`, 'GET', `${db}/_security`, undefined, [200])).body ?? {};
  const union = (list: string[] | undefined, item: string) => (list?.includes(item) ? list : [...(list ?? []), item]);
  const wanted: Security = {
    admins: { names: current.admins?.names ?? [], roles: union(current.admins?.roles, storeAdminRole(prefix)) },
    members: { names: current.members?.names ?? [], roles: union(current.members?.roles, terminalRole(prefix)) },
  };
  if (JSON.stringify(wanted) === JSON.stringify({ admins: current.admins, members: current.members })) return false;
  await couch.expect(`Writing ${db}/_security`, 'PUT', `${db}/_security`, wanted, [200, 201]);
  return true;
}

async function ensureDesignDoc(couch: CouchAdmin, db: string, wanted: KassaDesignDoc): Promise<boolean> {
  const path = `${db}/${DESIGN_DOC_ID}`;
  const current = await couch.expect<Partial<KassaDesignDoc>>(`Reading ${path}`, 'GET', path, undefined, [200, 404]);
  if (current.status === 200 && current.body.kassa?.hash === wanted.kassa.hash) return false;
  const body = current.status === 200 ? { ...wanted, _rev: current.body._rev } : wanted;
  await couch.expect(`Writing ${path}`, 'PUT', path, body, [201, 202]);
  return true;
}

async function ensureTerminal(couch: CouchAdmin, prefix: string, terminal: TerminalAccount): Promise<SetupReport['terminals'][number]> {
  const username = terminalUserName(prefix, terminal.terminalId);
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${username}`)}`;
  const existing = await couch.expect<{ _rev?: string }>(`Reading account ${username}`, 'GET', path, undefined, [200, 404]);
  const password = terminal.password ?? (terminal.password = randomBytes(18).toString('base64url'));
  const roles = terminal.manager ? [terminalRole(prefix), managerTerminalRole(prefix)] : [terminalRole(prefix)];
  const doc = { _id: `org.couchdb.user:${username}`, name: username, type: 'user', roles, password, ...(existing.status === 200 ? { _rev: existing.body._rev } : {}) };
  await couch.expect(`Writing account ${username}`, 'PUT', path, doc, [201, 202]);
  return { terminalId: terminal.terminalId, username, created: existing.status !== 200, password, roles };
}
