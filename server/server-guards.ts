/**
 * Guards in front of express-pouchdb for its known defects, answering as Apache CouchDB 3 does:
 * - a non-admin `PUT /newdb` crashed the process (unhandled rejections): creating and deleting databases is
 *   checked here and refused with 401 "You are not a server admin.";
 * - anonymous `GET /_users/x` answered 500: the users database is refused to anonymous callers (401) and, for
 *   accounts, limited to their own document (403 otherwise);
 * - an authenticated account that is not a member got 401: members are checked here against `_security`,
 *   401 for anonymous callers, 403 for accounts that are known but not members.
 * - express-pouchdb lets an account write its own account document as if it were an admin (roles included: a
 *   terminal could make itself a manager till, or an admin of the store's databases): accounts only read their
 *   own document here, and CouchDB 3 refuses such writes too;
 * - what members of a store's database may write is checked by member-writes.ts.
 * Identities are looked up through the server's own `/_session` (cached briefly), so the rules use exactly the
 * accounts express-pouchdb knows.
 * Until the store's set-up has run at start (databases, security, rules, accounts), only the server admin is
 * served; anyone else gets 503, as from a CouchDB that is not up yet. (A till uploading into that moment had its
 * documents refused one by one as "not authorized" and set aside as rejections.)
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { guardMemberWrite } from './member-writes';

export interface UserCtx {
  name: string | null;
  roles: string[];
}

interface Security {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}

export interface GuardOptions {
  /** The server's own address, for lookups (known once it listens). */
  selfUrl: () => string;
  /** `Basic …` header of the server admin, for reading `_security`. */
  adminAuthorization: string;
  onError: (message: string, error: unknown) => void;
  /** False while the server sets the store up at start. Absent: always ready. */
  ready?: () => boolean;
}

const IDENTITY_TTL_MS = 5_000;
const SECURITY_TTL_MS = 2_000;
const CACHE_LIMIT = 1_000;

/** Loopback lookups carry this header so the guard lets them straight through. */
const GUARD_HEADER = 'x-kassa-guard';

export function createGuards(options: GuardOptions): RequestHandler {
  const token = randomBytes(24).toString('hex');
  const identities = new Map<string, { at: number; user: UserCtx | 'invalid' }>();
  const securities = new Map<string, { at: number; security: Security | null }>();

  async function lookup(path: string, headers: Record<string, string>): Promise<globalThis.Response> {
    return fetch(options.selfUrl() + path, { headers: { ...headers, [GUARD_HEADER]: token, accept: 'application/json' } });
  }

  async function identify(req: Request): Promise<UserCtx | 'invalid' | null> {
    const authorization = req.headers.authorization;
    const cookie = /(?:^|;\s*)AuthSession=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
    if (!authorization && !cookie) return null;
    const key = `${authorization ?? ''}|${cookie ?? ''}`;
    const cached = identities.get(key);
    if (cached && Date.now() - cached.at < IDENTITY_TTL_MS) return cached.user;
    const headers: Record<string, string> = {};
    if (authorization) headers.authorization = authorization;
    if (cookie) headers.cookie = `AuthSession=${cookie}`;
    const response = await lookup('_session', headers);
    const body = (await response.json().catch(() => ({}))) as { userCtx?: UserCtx };
    const user: UserCtx | 'invalid' = response.status === 200 && body.userCtx?.name ? { name: body.userCtx.name, roles: body.userCtx.roles ?? [] } : 'invalid';
    remember(identities, key, { at: Date.now(), user });
    return user;
  }

  async function securityOf(db: string): Promise<Security | null> {
    const cached = securities.get(db);
    if (cached && Date.now() - cached.at < SECURITY_TTL_MS) return cached.security;
    const response = await lookup(`${encodeURIComponent(db)}/_security`, { authorization: options.adminAuthorization });
    const security = response.status === 200 ? ((await response.json()) as Security) : null;
    remember(securities, db, { at: Date.now(), security });
    return security;
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers[GUARD_HEADER] === token) return next();
    guard(req, res, next).catch((error: unknown) => {
      options.onError('The request guard failed', error);
      if (!res.headersSent) send(res, 500, 'internal_server_error', 'The server could not check this request.');
    });
  };

  async function guard(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (options.ready && !options.ready() && req.headers.authorization !== options.adminAuthorization) {
      res.setHeader('Retry-After', '1');
      return send(res, 503, 'service_unavailable', 'The sync server is starting; try again in a moment.');
    }
    const segments = req.path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
    const [first, second] = segments;
    if (!first || first === '_session' || first === '_uuids' || first === '_up') return next();

    const user = await identify(req);
    if (user === 'invalid') return send(res, 401, 'unauthorized', 'Name or password is incorrect.');
    const isAdmin = user?.roles.includes('_admin') ?? false;

    if (first === '_users') {
      if (!user) return send(res, 401, 'unauthorized', 'You are not authorized to access this db.');
      if (isAdmin) return next();
      const own = second === `org.couchdb.user:${user.name}` && segments.length === 2 && ['GET', 'HEAD'].includes(req.method);
      return own ? next() : send(res, 403, 'forbidden', 'You may only read your own account.');
    }
    if (first.startsWith('_')) {
      // _all_dbs, _config, _log, _restart … are for server admins, as in CouchDB 3.
      return isAdmin ? next() : send(res, 401, 'unauthorized', 'You are not a server admin.');
    }
    if (segments.length === 1 && (req.method === 'PUT' || req.method === 'DELETE')) {
      securities.delete(first);
      return isAdmin ? next() : send(res, 401, 'unauthorized', 'You are not a server admin.');
    }
    if (second === '_security' && req.method === 'PUT') securities.delete(first);
    if (isAdmin) return next();

    const security = await securityOf(first);
    if (!security) return next(); // no such database: express-pouchdb answers 404
    // Later handlers (longpoll-changes.ts) may rely on the database existing.
    res.locals.kassaDatabaseExists = true;
    if (!user) {
      const open = !(security.members?.names?.length || security.members?.roles?.length);
      return open ? guardMemberWrite(req, res, next, segments) : send(res, 401, 'unauthorized', 'You are not authorized to access this db.');
    }
    if (isDatabaseAdmin(security, user)) return next();
    if (isMember(security, user)) return guardMemberWrite(req, res, next, segments);
    return send(res, 403, 'forbidden', 'You are not allowed to access this db.');
  }
}

function inGroup(user: UserCtx, group?: { names?: string[]; roles?: string[] }): boolean {
  return !!group && ((user.name !== null && (group.names ?? []).includes(user.name)) || (group.roles ?? []).some((r) => user.roles.includes(r)));
}

/** The store's IT role: may do anything to the database, as the rule itself lets it. */
function isDatabaseAdmin(security: Security, user: UserCtx): boolean {
  return inGroup(user, security.admins);
}

function isMember(security: Security, user: UserCtx): boolean {
  const open = !(security.members?.names?.length || security.members?.roles?.length);
  return open || inGroup(user, security.members);
}

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

function send(res: Response, status: number, error: string, reason: string): void {
  res.status(status).set('content-type', 'application/json').send(JSON.stringify({ error, reason }));
}
