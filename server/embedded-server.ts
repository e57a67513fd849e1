/**
 * The embedded CouchDB-protocol server for development and demos: express-pouchdb on a leveldb data directory
 * (or in memory, for tests), listening on 127.0.0.1 only, with a server admin, the guards of server-guards.ts,
 * a long poll that cleans up after itself (longpoll-changes.ts), and the store set up by the same code as
 * `npm run server:setup`. Production stores use Apache CouchDB 3.x.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { longpollChanges } from './longpoll-changes';
import { createGuards } from './server-guards';
import { shareDesignDocReads } from './shared-design-reads';
import { setupBackend, type SetupReport, type TerminalAccount } from './setup-backend';

const require = createRequire(import.meta.url);

export interface EmbeddedServerOptions {
  /** leveldb data directory; omitted: everything in memory (tests). */
  dataDir?: string;
  port: number;
  host?: string;
  admin: { name: string; password: string };
  /** Set up this store (databases, security, design documents) once listening. */
  prefix?: string;
  terminals?: TerminalAccount[];
  onError?: (message: string, error: unknown) => void;
}

export interface EmbeddedServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The same with the admin's credentials in it: for set-up only, never log it. */
  adminUrl: string;
  port: number;
  setup: SetupReport | null;
  close(): Promise<void>;
}

/** Parts of express-pouchdb a Kassa store does not use: fewer routes, fewer surprises. */
const EXCLUDED_PARTS = [
  'routes/fauxton',
  'routes/replicate',
  'replicator',
  'routes/active-tasks',
  'routes/db-updates',
  'routes/vhosts',
  'routes/rewrite',
  'routes/cluster-rewrite',
  'routes/http-log',
  'routes/list',
  'routes/show',
  'routes/update',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PouchConstructor = any;

let basePouch: PouchConstructor | null = null;

/**
 * express-pouchdb compiles a database's validate_doc_update again for every document it validates (couchdb-eval),
 * which made an upload of 1,000 sales spend most of its time compiling the same function. Compile each version of
 * a design document's function once.
 */
function compileValidationOnce(): void {
  const couchEval = require('couchdb-eval') as { evaluate: (context: unknown, extra: unknown, program: string) => unknown; kassaCached?: true };
  if (couchEval.kassaCached) return;
  const evaluate = couchEval.evaluate;
  // Keyed by design document and revision, the program compared on a hit: a key holding the program text made
  // every lookup hash the whole function (an upload looks it up once per document).
  const compiled = new Map<string, { program: string; fn: unknown }>();
  couchEval.evaluate = (context, extra, program) => {
    const design = context as { _id?: string; _rev?: string } | null;
    if (!design?._rev || (extra && Object.keys(extra as object).length > 0)) return evaluate(context, extra, program);
    const key = `${design._id}\u0000${design._rev}`;
    const hit = compiled.get(key);
    if (hit && hit.program === program) return hit.fn;
    if (compiled.size > 100) compiled.clear();
    const fn = evaluate(context, extra, program);
    compiled.set(key, { program, fn });
    return fn;
  };
  couchEval.kassaCached = true;
}

function pouchFor(dataDir: string | undefined, memoryPrefix: string): PouchConstructor {
  // Plugins register on pouchdb-core's one constructor: once per process.
  basePouch ??= require('pouchdb-core')
    .plugin(require('pouchdb-adapter-leveldb'))
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'));
  // A prefix per server keeps two in-memory servers in one process apart.
  return dataDir
    ? basePouch.defaults({ adapter: 'leveldb', prefix: `${dataDir}${path.sep}` })
    : basePouch.defaults({ adapter: 'memory', prefix: memoryPrefix });
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const host = options.host ?? '127.0.0.1';
  const onError = options.onError ?? ((message, error) => process.stderr.write(`${message}: ${String(error)}\n`));
  const scratch = options.dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'kassa-server-'));
  const filesDir = options.dataDir ?? scratch!;
  mkdirSync(filesDir, { recursive: true });
  const PouchDB = pouchFor(options.dataDir, `mem-${path.basename(filesDir)}-`);
  compileValidationOnce();
  const expressPouchdb = require('express-pouchdb');
  const pouchApp = expressPouchdb(PouchDB, {
    mode: 'fullCouchDB',
    configPath: path.join(filesDir, 'config.json'),
    logPath: path.join(filesDir, 'log.txt'),
    // The admin comes from our own credentials on every start; a config file only races its own rewrites.
    inMemoryConfig: true,
    overrideMode: { exclude: EXCLUDED_PARTS },
  });
  pouchApp.dbWrapper.registerWrapper((_name: string, db: Parameters<typeof shareDesignDocReads>[0], next: () => void) => {
    shareDesignDocReads(db);
    next();
  });
  await new Promise<void>((resolve, reject) =>
    pouchApp.couchConfig.set('admins', options.admin.name, options.admin.password, (error: unknown) => (error ? reject(error) : resolve())),
  );
  await new Promise<void>((resolve, reject) =>
    pouchApp.couchConfig.set('log', 'level', 'error', (error: unknown) => (error ? reject(error) : resolve())),
  );

  let selfUrl = '';
  let ready = !options.prefix;
  const app = express();
  app.disable('x-powered-by');
  app.use(
    createGuards({
      selfUrl: () => selfUrl,
      adminAuthorization: `Basic ${Buffer.from(`${options.admin.name}:${options.admin.password}`).toString('base64')}`,
      onError,
      ready: () => ready,
    }),
  );
  app.get('/:db/_changes', longpollChanges(PouchDB));
  app.use(pouchApp);

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, host);
    s.once('listening', () => resolve(s));
    s.once('error', reject);
  });
  // Long polls stay open; keep-alive sockets must not hold close() forever.
  server.keepAliveTimeout = 5_000;
  const port = (server.address() as AddressInfo).port;
  selfUrl = `http://${host}:${port}/`;
  const adminUrl = `http://${encodeURIComponent(options.admin.name)}:${encodeURIComponent(options.admin.password)}@${host}:${port}/`;

  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };

  let setup: SetupReport | null = null;
  if (options.prefix) {
    try {
      setup = await setupBackend({ adminUrl, prefix: options.prefix, terminals: options.terminals ?? [] });
      ready = true;
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { url: selfUrl, adminUrl, port, setup, close };
}
