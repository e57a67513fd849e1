/**
 * The embedded sync server: express-pouchdb's crash defects answered as CouchDB 3 does, set-up that is
 * idempotent, and a leveldb store that survives a restart (a real `npm run server` process).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startServerProcess } from '../electron/core/sync/test-support/server-process';
import { adminCredentialsFile, loadOrCreateAdminCredentials } from './admin-credentials';
import { terminalFlags } from './cli-args';
import { CouchAdmin } from './couch-admin';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { setupBackend } from './setup-backend';
import { DESIGN_DOC_ID } from './validate-doc';

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
    prefix: 'kassa_',
    terminals: [{ terminalId: 'T1', password: 't1-password' }],
  });
  cleanups.push(() => server.close());
  return server;
}

describe('the embedded server guards', () => {
  it('answers a non-admin database creation with 401 instead of crashing', async () => {
    const server = await memoryServer();
    expect(await call(server, 'PUT', 'newdb', basic('kassa_T1', 't1-password'))).toEqual({ status: 401, body: { error: 'unauthorized', reason: 'You are not a server admin.' } });
    expect((await call(server, 'PUT', 'newdb')).status).toBe(401);
    expect((await call(server, 'DELETE', 'kassa_sales', basic('kassa_T1', 't1-password'))).status).toBe(401);
    expect((await call(server, 'GET', '')).status).toBe(200);
  });

  it('answers anonymous reads of accounts with 401, not 500, and lets an account read only its own', async () => {
    const server = await memoryServer();
    expect((await call(server, 'GET', '_users/org.couchdb.user:kassa_T1')).status).toBe(401);
    expect((await call(server, 'GET', '_users/org.couchdb.user:kassa_T1', basic('kassa_T1', 't1-password'))).status).toBe(200);
    expect((await call(server, 'GET', '_users/_all_docs', basic('kassa_T1', 't1-password'))).status).toBe(403);
    expect((await call(server, 'GET', '_all_dbs', basic('kassa_T1', 't1-password'))).status).toBe(401);
  });

  it('tells a known account without the role (403) from an anonymous caller (401) and a wrong password (401)', async () => {
    const server = await memoryServer();
    const admin = new CouchAdmin(server.adminUrl);
    await admin.expect('add user', 'PUT', '_users/org.couchdb.user:visitor', { name: 'visitor', password: 'visitor-pw', roles: [], type: 'user' }, [201]);
    expect(await call(server, 'GET', 'kassa_sales', basic('visitor', 'visitor-pw'))).toEqual({ status: 403, body: { error: 'forbidden', reason: 'You are not allowed to access this db.' } });
    expect((await call(server, 'GET', 'kassa_sales')).status).toBe(401);
    expect((await call(server, 'GET', 'kassa_sales', basic('kassa_T1', 'wrong'))).status).toBe(401);
    expect((await call(server, 'GET', 'kassa_sales', basic('kassa_T1', 't1-password'))).status).toBe(200);
    expect((await call(server, 'GET', 'kassa_nope', basic('kassa_T1', 't1-password'))).status).toBe(404);
  });
});

describe('set-up', () => {
  it('changes nothing when run again, and brings changed rules and accounts up to date', async () => {
    const server = await memoryServer();
    const again = await setupBackend({ adminUrl: server.adminUrl, prefix: 'kassa_' });
    expect(again).toMatchObject({ createdDatabases: [], updatedSecurity: [], updatedDesignDocs: [], terminals: [] });
    const admin = new CouchAdmin(server.adminUrl);
    const current = await admin.expect<{ _rev: string }>('read', 'GET', `kassa_products/${DESIGN_DOC_ID}`, undefined, [200]);
    await admin.expect('tamper', 'PUT', `kassa_products/${DESIGN_DOC_ID}`, { _rev: current.body._rev, validate_doc_update: 'function () {}' }, [201]);
    const repaired = await setupBackend({ adminUrl: server.adminUrl, prefix: 'kassa_', terminals: [{ terminalId: 'T2', manager: true }] });
    expect(repaired.updatedDesignDocs).toEqual(['kassa_products']);
    expect(repaired.terminals).toEqual([expect.objectContaining({ username: 'kassa_T2', created: true, roles: ['kassa_terminal', 'kassa_manager_terminal'] })]);
    expect((await call(server, 'GET', 'kassa_products', basic('kassa_T2', repaired.terminals[0]!.password))).status).toBe(200);
  });

  it('refuses an account that is not a server admin, and a store prefix CouchDB cannot name', async () => {
    const server = await memoryServer();
    const asTerminal = server.adminUrl.replace('admin:admin-pw', 'kassa_T1:t1-password');
    await expect(setupBackend({ adminUrl: asTerminal, prefix: 'kassa_' })).rejects.toThrow(/not a server admin/);
    await expect(setupBackend({ adminUrl: server.adminUrl.replace('admin-pw', 'bad'), prefix: 'kassa_' })).rejects.toThrow(/refused the admin name or password/);
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
    const start = () => startServerProcess({ dataDir, port, adminPassword: admin.password, extraArgs: ['--terminal', 'T1', '--password', 't1-password'] });
    let server = await start();
    cleanups.push(() => server.kill());
    const sale = { _id: 'T1-PERSIST', terminalId: 'T1' };
    const written = await fetch(`${server.url}kassa_audit_events/T1-A1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...basic('kassa_T1', 't1-password') },
      body: JSON.stringify({ terminalId: 'T1', at: '2026-11-28T10:00:00.000Z', actorId: '', type: 'test', subjectId: sale._id, details: {} }),
    });
    expect(written.status).toBe(201);
    // The same document uploaded again (a till retrying after a lost answer) is a conflict, not a refusal.
    const again = await fetch(`${server.url}kassa_audit_events/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...basic('kassa_T1', 't1-password') },
      body: JSON.stringify({ docs: [{ _id: 'T1-A1', terminalId: 'T1', at: '2026-11-28T10:00:00.000Z', actorId: '', type: 'test', subjectId: sale._id, details: {} }] }),
    });
    expect(await again.json()).toEqual([expect.objectContaining({ id: 'T1-A1', error: 'conflict' })]);
    await server.kill('SIGTERM');
    server = await start();
    const read = await new CouchAdmin(server.adminUrl).request<{ subjectId: string }>('GET', 'kassa_audit_events/T1-A1');
    expect(read).toMatchObject({ status: 200, body: { subjectId: 'T1-PERSIST' } });
  });
});
