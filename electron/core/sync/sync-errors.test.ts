/**
 * What a terminal shows when sync cannot work — an address nobody answers, a wrong password, the wrong account,
 * something that is not CouchDB — and that selling goes on regardless. Pairing only saves what was tested.
 */
import { statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionCheck, SyncStatus } from '../../../shared/api/commands/sync-commands';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import { DEFAULT_DB_PREFIX, terminalUserName } from '../../../shared/sync/sync-names';
import { freePort } from '../../../server/test-support/server-process';
import { CREDENTIALS_FILE } from './credential-store';
import { startTill, type RemoteTill } from './test-support/remote-till';
import { makeSale, writeSales } from './test-support/sale-fixtures';
import { openSyncTill, startSyncBackend, TEST_SYNC_TIMING, waitFor, waitForSynced, type SyncBackend } from './test-support/sync-harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const products = generateCatalog({ products: 4, seed: 5, idPrefix: 'T1' }).products;
const sales = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    makeSale({ id: `T1-ERR${String(from + i).padStart(5, '0')}`, terminalId: 'T1', seq: from + i, at: new Date().toISOString(), products: products.slice(0, 2) }),
  );

/** Terminal T1 of the store with that prefix, paired with whatever answers at the address. */
async function tillAt(prefix: string, url: string, password: string): Promise<RemoteTill> {
  const credentials = { url, username: terminalUserName(prefix, 'T1'), password };
  const till = await startTill({ terminalId: 'T1', prefix, credentials, settings: TEST_SYNC_TIMING });
  cleanups.push(() => till.dispose());
  return till;
}

async function statusWith(till: RemoteTill, kind: string): Promise<SyncStatus> {
  return waitFor(`the problem "${kind}"`, async () => {
    const status = await till.status();
    return status.problem?.kind === kind ? status : null;
  });
}

describe('sync problems are status, not errors at the counter', () => {
  it('reports an unreachable server clearly and keeps every sale for later', { timeout: 120_000 }, async () => {
    const port = await freePort();
    // Nothing listens there, so any store will do.
    const till = await tillAt(DEFAULT_DB_PREFIX, `http://127.0.0.1:${port}/`, 'whatever-pass');
    const status = await statusWith(till, 'unreachable');
    expect(status.state).toBe('offline');
    expect(status.problem?.message).toMatch(new RegExp(`Cannot reach the server at http://127\\.0\\.0\\.1:${port}/ \\(connection refused\\)`));
    await writeSales(till, sales(1, 25));
    const waiting = await waitFor('25 sales waiting', async () => {
      const s = await till.status();
      return s.pending.sales === 25 ? s : null;
    });
    expect(waiting).toMatchObject({ state: 'offline', pending: { sales: 25, payments: 25 } });
    expect(await till.count('sales')).toBe(25);
  });

  it('reports a wrong password without showing it, and keeps selling', { timeout: 120_000 }, async () => {
    const backend = await startSyncBackend([{ terminalId: 'T1', manager: true }]);
    cleanups.push(() => backend.close());
    const till = await tillAt(backend.prefix, backend.url, 'not-the-password');
    const status = await statusWith(till, 'wrong_credentials');
    expect(status.state).toBe('offline');
    expect(status.problem?.message).toMatch(/refused this terminal's user name or password/);
    expect(JSON.stringify(status)).not.toContain('not-the-password');
    await writeSales(till, sales(1, 10));
    await waitFor('10 sales waiting', async () => (await till.status()).pending.sales === 10);
    expect(await backend.docs('sales')).toEqual([]);
  });

  it('tests a connection and pairs only when it works, naming what is wrong otherwise', { timeout: 120_000 }, async () => {
    const backend = await startSyncBackend([{ terminalId: 'T1', manager: true }, { terminalId: 'T2' }]);
    cleanups.push(() => backend.close());
    const notCouch: Server = createServer((_req, res) => res.end('<html>router login</html>'));
    await new Promise<void>((resolve) => notCouch.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => notCouch.close(() => resolve())));
    const closedPort = await freePort();

    // An unpaired till: sync is "not configured" until a manager pairs it.
    const till = await startTill({ terminalId: 'T1', prefix: backend.prefix, credentials: null, settings: TEST_SYNC_TIMING });
    cleanups.push(() => till.dispose());
    await waitFor('the not-configured status', async () => (await till.status()).state === 'not_configured');
    await till.must('auth.setupFirstAdmin', { username: 'boss', displayName: 'Boss', credentialKind: 'password', secret: 'boss-password' });

    const password = backend.passwordOf('T1');
    const t1 = terminalUserName(backend.prefix, 'T1');
    const t2 = terminalUserName(backend.prefix, 'T2');
    const check = (url: string, username: string, pw: string) => till.must<ConnectionCheck>('sync.testConnection', { url, username, password: pw });
    expect(await check(`http://127.0.0.1:${closedPort}/`, t1, password)).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(await check(`http://127.0.0.1:${(notCouch.address() as AddressInfo).port}/`, t1, password)).toMatchObject({ ok: false, problem: 'not_couchdb' });
    const wrong = await check(backend.url, t1, 'wrong-password');
    expect(wrong).toMatchObject({ ok: false, problem: 'wrong_credentials' });
    expect(await check(backend.url, t2, backend.passwordOf('T2'))).toMatchObject({ ok: false, problem: 'wrong_terminal' });
    expect(await check(backend.url.replace(/\/$/, ''), t1, password)).toMatchObject({ ok: true, mayWriteCatalog: true });

    const refused = await till.must<ConnectionCheck>('sync.pair', { url: backend.url, username: t1, password: 'wrong-password' });
    expect(refused.ok).toBe(false);
    expect((await till.status()).state).toBe('not_configured');

    const paired = await till.must<ConnectionCheck>('sync.pair', { url: backend.url, username: t1, password });
    expect(paired).toMatchObject({ ok: true });
    expect(paired.message).toContain(t1);
    const saved = statSync(path.join(till.dataDir, CREDENTIALS_FILE));
    expect(saved.mode & 0o777).toBe(0o600);
    const synced = await waitForSynced(till);
    expect(synced).toMatchObject({ state: 'online', account: t1, server: backend.url });
    // The first admin made on this till is now on the server too; the pairing is audited.
    expect((await backend.docs('users')).map((u) => u.username)).toEqual(['boss']);
    const audit = await till.must<{ type: string; details: Record<string, unknown> }[]>('audit.recent', { limit: 20 });
    expect(audit.find((e) => e.type === 'sync.paired')?.details).toMatchObject({ account: t1 });
    expect(JSON.stringify([audit, synced, paired, refused, wrong])).not.toContain(password);
  });
});

describe('a document the server refuses', () => {
  let backend: SyncBackend;

  it('does not hold up the documents after it, is listed for a manager, and goes up when retried after the fix', { timeout: 120_000 }, async () => {
    // T1 is a plain terminal: the server will refuse its catalog edits.
    backend = await startSyncBackend([{ terminalId: 'T1' }]);
    cleanups.push(() => backend.close());
    const till = await openSyncTill(backend, { terminalId: 'T1' });
    cleanups.push(() => till.dispose());
    await waitForSynced(till);
    await till.must('auth.setupFirstAdmin', { username: 'boss', displayName: 'Boss', credentialKind: 'password', secret: 'boss-password' });

    await till.insert('products', products.slice(0, 1));
    const broken = sales(1, 1)[0]!;
    await writeSales(till, [{ ...broken, sale: { ...broken.sale, status: 'bogus' as 'completed' } }]);
    await writeSales(till, sales(2, 30));

    await waitFor('the 30 good sales on the server', async () => (await backend.docs('sales')).length === 30);
    const rejections = await waitFor('three refusals listed', async () => {
      const list = await till.must<{ collection: string; docId: string; error: string; reason: string }[]>('sync.rejections', {});
      return list.length === 3 ? list : null;
    });
    const byCollection = Object.fromEntries(rejections.map((r) => [r.collection, r]));
    expect(byCollection.sales).toMatchObject({ docId: broken.sale.id, error: 'forbidden' });
    expect(byCollection.sales!.reason).toMatch(/status must be one of completed, voided/);
    expect(byCollection.products!.reason).toMatch(/only a manager terminal/);
    expect(byCollection.users!.reason).toMatch(/only a manager terminal/);
    const status = await waitFor('the status to count them', async () => {
      const s = await till.status();
      return s.rejected === 3 && s.pendingTotal === 0 ? s : null;
    });
    expect(status.state).toBe('online');

    // The fix: this terminal becomes a manager terminal. The malformed sale stays refused.
    await backend.addTerminals([{ terminalId: 'T1', manager: true }]);
    const retried = await till.must<{ accepted: number; stillRejected: number }>('sync.retryRejected', {});
    expect(retried).toMatchObject({ accepted: 2, stillRejected: 1 });
    expect((await backend.docs('products')).map((p) => p._id)).toEqual([products[0]!.id]);
    expect((await backend.docs('users')).length).toBe(1);
    const left = await till.must<{ docId: string; attempts: number }[]>('sync.rejections', {});
    expect(left).toEqual([expect.objectContaining({ docId: broken.sale.id, attempts: 2 })]);
    expect((await backend.docs('sales')).length).toBe(30);
  });
});
