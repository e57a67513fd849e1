/**
 * "Test connection" on the pairing screen: is there a CouchDB at that address, does it take this account, is the
 * account this terminal's, and is the store set up there? Each answer that is not yes says what to do.
 */
import type { ConnectionCheck } from '../../../shared/api/commands/sync-commands';
import type { Logger } from '../log';
import { parseServerUrl, ServerUrlError } from '../../../shared/sync/couch-url';
import { problemFromNetwork, SyncError } from './sync-errors';
import { DEFAULT_TIMING, ServerLink } from './server-link';
import { databaseName, managerTerminalRole, REPLICATED_COLLECTIONS, terminalRole, terminalUserName } from '../../../shared/sync/sync-names';

export interface CheckTarget {
  url: string;
  username: string;
  password: string;
}

const fail = (problem: string, message: string, server = ''): ConnectionCheck => ({ ok: false, problem, message, server, mayWriteCatalog: false });

export async function checkConnection(
  target: CheckTarget,
  store: { terminalId: string; prefix: string },
  log: Logger,
  fetchImpl?: typeof fetch,
): Promise<ConnectionCheck> {
  let url: string;
  try {
    const parsed = parseServerUrl(target.url);
    if (parsed.username || parsed.password) return fail('bad_url', 'Put the user and password in their own fields, not in the address.');
    url = parsed.url;
  } catch (error) {
    return fail('bad_url', error instanceof ServerUrlError ? error.message : 'The server address is not valid.');
  }
  const link = new ServerLink({
    url,
    username: target.username,
    password: target.password,
    timing: { ...DEFAULT_TIMING, requestTimeoutMs: 10_000 },
    log,
    now: Date.now,
    onChange: () => undefined,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  try {
    const server = await identifyServer(url, fetchImpl ?? fetch);
    if (!server) return fail('not_couchdb', `Something answers at ${url}, but it is not a CouchDB server. Check the address and port.`);
    const session = JSON.parse((await link.request('_session', { bypassGate: true })).text) as { userCtx?: { name?: string; roles?: string[] } };
    const name = session.userCtx?.name ?? '';
    const roles = session.userCtx?.roles ?? [];
    const expected = terminalUserName(store.prefix, store.terminalId);
    const isAdmin = roles.includes('_admin');
    if (!isAdmin && name !== expected) {
      return fail('wrong_terminal', `The account "${name}" belongs to another terminal; this till is ${store.terminalId}, whose account is "${expected}".`, server);
    }
    if (!isAdmin && !roles.includes(terminalRole(store.prefix))) {
      return fail('not_a_terminal', `The account "${name}" lacks the role ${terminalRole(store.prefix)}. Create it with npm run server:setup -- --terminal ${store.terminalId}.`, server);
    }
    for (const collection of REPLICATED_COLLECTIONS) {
      await link.request(`${databaseName(store.prefix, collection)}/`, { bypassGate: true });
    }
    const mayWriteCatalog = isAdmin || roles.includes(managerTerminalRole(store.prefix));
    const warning = isAdmin ? ' Warning: this is a server admin account; give the terminal its own account.' : '';
    return { ok: true, problem: '', server, mayWriteCatalog, message: `Connected to ${server} at ${url} as ${name}.${warning}` };
  } catch (error) {
    if (error instanceof SyncError) {
      const kind = error.problem.kind === 'no_access' ? 'no_access' : error.problem.kind;
      return fail(kind, error.problem.message);
    }
    log.error('Connection test failed unexpectedly', { error });
    return fail('internal', 'The connection test failed on this till. Try again, or call IT if it repeats.');
  } finally {
    link.close();
  }
}

/** "CouchDB 3.4.2", "Kassa embedded server (express-pouchdb 4.2.0)", or null when it is not CouchDB-like. */
async function identifyServer(url: string, fetchImpl: typeof fetch): Promise<string | null> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(10_000), headers: { accept: 'application/json' } });
  } catch (error) {
    throw new SyncError(problemFromNetwork(error, url, error instanceof DOMException && error.name === 'TimeoutError'));
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body !== 'object') return null;
  if (body.couchdb === 'Welcome') return `CouchDB ${String(body.version ?? '')}`.trim();
  if (typeof body['express-pouchdb'] === 'string') return `Kassa embedded server (express-pouchdb ${String(body.version ?? '')})`;
  return null;
}
