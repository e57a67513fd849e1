/**
 * The embedded sync server: express-pouchdb's crash defects answered as CouchDB 3 does, set-up that is
 * idempotent, and a leveldb store that survives a restart (a real `npm run server` process).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseName, managerTerminalRole, terminalRole, terminalUserName } from '../shared/sync/sync-names';
import { adminCredentialsFile, loadOrCreateAdminCredentials } from './admin-credentials';
import { terminalFlags } from './cli-args';
import { CouchAdmin } from './couch-admin';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { setupBackend } from './setup-backend';
import { freePort, startServerProcess } from './test-support/server-process';
import { DESIGN_DOC_ID } from './validate-doc';

/** The store these servers are set up for; every database and account name below is made from it. */
const PREFIX = 'kassa_';
const T1 = terminalUserName(PREFIX, 'T1');
const T2 = terminalUserName(PREFIX, 'T2');
const SALES = databaseName(PREFIX, 'sales');
const PRODUCTS = databaseName(PREFIX, 'products');
const AUDIT = databaseName(PREFIX, 'audit_events');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const basic = (name: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` });

async function call(server: EmbeddedServer, method: string, urlPath: string, headers: Record<string, string> = {}, body?: unknown) {
  const response = await fetch(server.url + urlPath, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function memoryServer(): Promise<EmbeddedServer> {
  const server = await startEmbeddedServer({
    port: 0,
    admin: { name: 'admin', password: 'admin-pw' },
    prefix: PREFIX,
    terminals: [{ terminalId: 'T1', password: 't1-password' }],
  });
  cleanups.push(() => server.close());
  return server;
}

describe('the embedded server guards', () => {
  it('answers a non-admin database creation with 401 instead of crashing', async () => {
    const server = await memoryServer();
    expect(await call(server, 'PUT', 'newdb', basic(T1, 't1-password'))).toEqual({ status: 401, body: { error: 'unauthorized', reason: 'You are not a server admin.' } });
    expect((await call(server, 'PUT', 'newdb')).status).toBe(401);
    expect((await call(server, 'DELETE', SALES, basic(T1, 't1-password'))).status).toBe(401);
    expect((await call(server, 'GET', '')).status).toBe(200);
  });

  it('answers anonymous reads of accounts with 401, not 500, and lets an account read only its own', async () => {
    const server = await memoryServer();
    expect((await call(server, 'GET', `_users/org.couchdb.user:${T1}`)).status).toBe(401);
    expect((await call(server, 'GET', `_users/org.couchdb.user:${T1}`, basic(T1, 't1-password'))).status).toBe(200);
    expect((await call(server, 'GET', '_users/_all_docs', basic(T1, 't1-password'))).status).toBe(403);
    expect((await call(server, 'GET', '_all_dbs', basic(T1, 't1-password'))).status).toBe(401);
  });

  it('tells a known account without the role (403) from an anonymous caller (401) and a wrong password (401)', async () => {
    const server = await memoryServer();
    const admin = new CouchAdmin(server.adminUrl);
    await admin.expect('add user', 'PUT', '_users/org.couchdb.user:visitor', { name: 'visitor', password: 'visitor-pw', roles: [], type: 'user' }, [201]);
    expect(await call(server, 'GET', SALES, basic('visitor', 'visitor-pw'))).toEqual({ status: 403, body: { error: 'forbidden', reason: 'You are not allowed to access this db.' } });
    expect((await call(server, 'GET', SALES)).status).toBe(401);
    expect((await call(server, 'GET', SALES, basic(T1, 'wrong'))).status).toBe(401);
    expect((await call(server, 'GET', SALES, basic(T1, 't1-password'))).status).toBe(200);
    expect((await call(server, 'GET', `${PREFIX}nope`, basic(T1, 't1-password'))).status).toBe(404);
  });
});

describe('set-up', () => {
  it('changes nothing when run again, and brings changed rules and accounts up to date', async () => {
    const server = await memoryServer();
    const again = await setupBackend({ adminUrl: server.adminUrl, prefix: PREFIX });
    expect(again).toMatchObject({ createdDatabases: [], updatedSecurity: [], updatedDesignDocs: [], terminals: [] });
    const admin = new CouchAdmin(server.adminUrl);
    const current = await admin.expect<{ _rev: string }>('read', 'GET', `${PRODUCTS}/${DESIGN_DOC_ID}`, undefined, [200]);
    await admin.expect('tamper', 'PUT', `${PRODUCTS}/${DESIGN_DOC_ID}`, { _rev: current.body._rev, validate_doc_update: 'function () {}' }, [201]);
    const repaired = await setupBackend({ adminUrl: server.adminUrl, prefix: PREFIX, terminals: [{ terminalId: 'T2', manager: true }] });
    expect(repaired.updatedDesignDocs).toEqual([PRODUCTS]);
    expect(repaired.terminals).toEqual([expect.objectContaining({ username: T2, created: true, roles: [terminalRole(PREFIX), managerTerminalRole(PREFIX)] })]);
    expect((await call(server, 'GET', PRODUCTS, basic(T2, repaired.terminals[0]!.password))).status).toBe(200);
  });

  it('refuses an account that is not a server admin, and a store prefix CouchDB cannot name', async () => {
    const server = await memoryServer();
    const asTerminal = server.adminUrl.replace('admin:admin-pw', `${T1}:t1-password`);
    await expect(setupBackend({ adminUrl: asTerminal, prefix: PREFIX })).rejects.toThrow(/not a server admin/);
    await expect(setupBackend({ adminUrl: server.adminUrl.replace('admin-pw', 'bad'), prefix: PREFIX })).rejects.toThrow(/refused the admin name or password/);
    await expect(setupBackend({ adminUrl: server.adminUrl, prefix: 'Kassa-' })).rejects.toThrow(/prefix/);
  });

  it('reads terminal accounts from the command line', () => {
    expect(terminalFlags(['--url', 'x', '--terminal', 'T2', '--password', 'p2', '--manager', '--terminal=T3'])).toEqual([
      { terminalId: 'T2', password: 'p2', manager: true },
      { terminalId: 'T3' },
    ]);
    expect(() => terminalFlags(['--password', 'p'])).toThrow(/after the --terminal/);
  });
});

describe('the leveldb server process', () => {
  it('keeps the store across a restart and keeps its admin account in a 0600 file', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kassa-server-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const admin = loadOrCreateAdminCredentials(dataDir, undefined);
    expect(statSync(adminCredentialsFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateAdminCredentials(dataDir, undefined)).toEqual(admin);

    const port = await freePort();
    const start = () => startServerProcess({ dataDir, port, adminPassword: admin.password, prefix: PREFIX, extraArgs: ['--terminal', 'T1', '--password', 't1-password'] });
    let server = await start();
    cleanups.push(() => server.kill());
    const sale = { _id: 'T1-PERSIST', terminalId: 'T1' };
    const written = await fetch(`${server.url}${AUDIT}/T1-A1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...basic(T1, 't1-password') },
      body: JSON.stringify({ terminalId: 'T1', at: '2026-11-28T10:00:00.000Z', actorId: '', type: 'test', subjectId: sale._id, details: {} }),
    });
    expect(written.status).toBe(201);
    // The same document uploaded again (a till retrying after a lost answer) is a conflict, not a refusal.
    const again = await fetch(`${server.url}${AUDIT}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...basic(T1, 't1-password') },
      body: JSON.stringify({ docs: [{ _id: 'T1-A1', terminalId: 'T1', at: '2026-11-28T10:00:00.000Z', actorId: '', type: 'test', subjectId: sale._id, details: {} }] }),
    });
    expect(await again.json()).toEqual([expect.objectContaining({ id: 'T1-A1', error: 'conflict' })]);
    await server.kill('SIGTERM');
    server = await start();
    const read = await new CouchAdmin(server.adminUrl).request<{ subjectId: string }>('GET', `${AUDIT}/T1-A1`);
    expect(read).toMatchObject({ status: 200, body: { subjectId: 'T1-PERSIST' } });
  });
});
