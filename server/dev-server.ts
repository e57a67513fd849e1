/**
 * What `npm start` / `npm run till` do when no KASSA_COUCH_URL is given: use the embedded sync server on
 * 127.0.0.1:<port>, starting it when nothing answers there, and give this terminal an account on it, so two tills
 * started on one machine sync with each other out of the box. Development and demos only: the terminal account is
 * made with the server admin's credentials, which only a server on this machine shares.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CREDENTIALS_FILE, parseCredentials, type SyncCredentials } from '../shared/sync/sync-credentials';
import { terminalUserName } from '../shared/sync/sync-names';
import { portUse } from '../processor/port-use';
import { readAdminCredentials } from './admin-credentials';
import { setupBackend } from './setup-backend';

const RUN_SERVER = fileURLToPath(new URL('./run-server.ts', import.meta.url));

export interface DevServerOptions {
  port: number;
  dataDir: string;
  prefix: string;
  terminalId: string;
  /** The till's data directory: its saved account is reused, so the password does not change on every start. */
  tillDataDir: string;
  say: (line: string) => void;
}

export interface DevServer {
  /** `http://<terminal account>:<password>@127.0.0.1:<port>/`, for the till only. */
  couchUrl: string;
  /** The server process this call started, if it started one (it stops with the till). */
  child: ChildProcess | null;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as Record<string, unknown>;
    return typeof body['express-pouchdb'] === 'string' || body.couchdb === 'Welcome';
  } catch {
    return false;
  }
}

export async function ensureDevServer(options: DevServerOptions): Promise<DevServer> {
  const url = `http://127.0.0.1:${options.port}/`;
  let child: ChildProcess | null = null;
  if (await answers(url)) {
    options.say(`Sync server: using the one already running at ${url}`);
  } else if ((await portUse(options.port)) === 'taken') {
    // A second server on a port in use would only fail; what holds it is not a CouchDB that answers in time.
    throw new Error(`something else holds 127.0.0.1:${options.port} and does not answer as a CouchDB server (or not within 2 s)`);
  } else {
    options.say(`Sync server: starting the embedded server at ${url} (data in ${options.dataDir})`);
    child = spawn(process.execPath, ['--import', 'tsx', RUN_SERVER, '--port', String(options.port), '--data-dir', options.dataDir, '--db-prefix', options.prefix], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: process.env,
    });
    const deadline = Date.now() + 60_000;
    while (!(await answers(url))) {
      if (child.exitCode !== null) throw new Error(`The embedded sync server stopped (exit ${child.exitCode}); see the messages above`);
      if (Date.now() > deadline) throw new Error('The embedded sync server did not start within a minute');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  try {
    return { couchUrl: await terminalAccount(options, url), child };
  } catch (error) {
    if (child && child.exitCode === null) child.kill('SIGTERM');
    throw error;
  }
}

async function terminalAccount(options: DevServerOptions, url: string): Promise<string> {
  const admin = readAdminCredentials(options.dataDir);
  if (!admin) {
    throw new Error(
      `The sync server at ${url} was not started from ${options.dataDir}, so this till cannot make its account there. ` +
        'Pair the till on its Sync screen, or start it with KASSA_COUCH_URL.',
    );
  }
  const username = terminalUserName(options.prefix, options.terminalId);
  const saved = savedTillCredentials(options.tillDataDir);
  const password = saved && saved.url === url && saved.username === username ? saved.password : randomBytes(18).toString('base64url');
  const adminUrl = `http://${encodeURIComponent(admin.name)}:${encodeURIComponent(admin.password)}@127.0.0.1:${options.port}/`;
  // Demo tills seed the catalog and users, so dev terminals may write them (a manager terminal).
  await setupBackend({ adminUrl, prefix: options.prefix, terminals: [{ terminalId: options.terminalId, password, manager: true }] });
  return `http://${encodeURIComponent(username)}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/`;
}

/** The account the till saved last time (browser host tills keep it in a plain 0600 file), if any. */
function savedTillCredentials(tillDataDir: string): SyncCredentials | null {
  const file = path.join(tillDataDir, CREDENTIALS_FILE);
  return existsSync(file) ? parseCredentials(readFileSync(file, 'utf8')) : null;
}
