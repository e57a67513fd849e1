/**
 * The server dies in the middle of an upload (SIGKILL of the embedded leveldb server, like a power cut) and comes
 * back: every sale is on the server exactly once, each written in a single revision. With KASSA_TEST_COUCH_URL
 * (a server this test may not kill) the connection is cut mid-upload instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CouchAdmin } from '../../../server/couch-admin';
import { freePort, startServerProcess, type ServerProcess } from '../../../server/test-support/server-process';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import { createNetworkSwitch } from './test-support/network-switch';
import { startTill, type RemoteTill } from './test-support/remote-till';
import { makeSale, writeSales } from './test-support/sale-fixtures';
import { startSyncBackend, TEST_SYNC_TIMING, waitFor, waitForSynced } from './test-support/sync-harness';
import { databaseName, terminalUserName } from '../../../shared/sync/sync-names';

const SALES = 1_500;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverSales(admin: CouchAdmin, prefix: string): Promise<{ id: string; rev: string; conflicts: number }[]> {
  const answer = await admin.request<{ rows: { id: string; value: { rev: string }; doc: { _conflicts?: string[] } }[] }>(
    'GET',
    `${databaseName(prefix, 'sales')}/_all_docs?include_docs=true&conflicts=true`,
  );
  if (answer.status !== 200) throw new Error(`server answered ${answer.status}`);
  return answer.body.rows
    .filter((r) => !r.id.startsWith('_design/'))
    .map((r) => ({ id: r.id, rev: r.value.rev, conflicts: r.doc._conflicts?.length ?? 0 }));
}

describe('the server fails during an upload', () => {
  it('ends with every sale on the server exactly once after the server is killed mid-upload and restarted', { timeout: 240_000 }, async () => {
    const external = process.env.KASSA_TEST_COUCH_URL;
    const password = 'crash-test-T1';
    let server: ServerProcess | null = null;
    let url: string;
    let adminUrl: string;
    let usedPrefix: string;
    let interrupt: () => Promise<void>;
    let recover: () => Promise<void>;

    if (external) {
      const backend = await startSyncBackend([{ terminalId: 'T1', password, manager: true }]);
      cleanups.push(() => backend.close());
      const net = await createNetworkSwitch(backend.url);
      cleanups.push(() => net.close());
      url = net.url;
      adminUrl = backend.adminUrl;
      usedPrefix = backend.prefix;
      interrupt = async () => net.setOnline(false);
      recover = async () => net.setOnline(true);
    } else {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kassa-crash-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const port = await freePort();
      const start = () =>
        startServerProcess({ dataDir, port, adminPassword: 'crash-admin', extraArgs: ['--terminal', 'T1', '--password', password, '--manager'] });
      server = await start();
      cleanups.push(() => server?.kill());
      url = server.url;
      adminUrl = server.adminUrl;
      usedPrefix = server.prefix;
      interrupt = async () => server!.kill('SIGKILL');
      recover = async () => {
        server = await start();
      };
    }
    const admin = new CouchAdmin(adminUrl);

    const till: RemoteTill = await startTill({
      terminalId: 'T1',
      prefix: usedPrefix,
      credentials: { url, username: terminalUserName(usedPrefix, 'T1'), password },
      // Small uploads, so the kill lands between two of them.
      settings: { ...TEST_SYNC_TIMING, batches: { push: 40, pull: 200 } },
    });
    cleanups.push(() => till.dispose());
    await waitForSynced(till);

    const products = generateCatalog({ products: 10, seed: 3, idPrefix: 'T1' }).products;
    const bundles = Array.from({ length: SALES }, (_, i) =>
      makeSale({ id: `T1-CRASH${String(i).padStart(6, '0')}`, terminalId: 'T1', seq: i + 1, at: new Date().toISOString(), products: products.slice(i % 5, (i % 5) + 2) }),
    );
    await writeSales(till, bundles);

    // Cut as soon as the first uploads have landed: most are then still on their way.
    await waitFor('the upload to be under way', async () => (await serverSales(admin, usedPrefix)).length > 0, 60_000, 2);
    await interrupt();
    const down = await waitFor('the till to notice', async () => ((await till.status()).state === 'offline' ? await till.status() : null));
    // The cut landed mid-upload: documents were still waiting when the server went.
    expect(down.pendingTotal, JSON.stringify(down)).toBeGreaterThan(0);
    expect(await till.count('sales')).toBe(SALES);

    await recover();
    await waitFor('every sale on the server', async () => (await serverSales(admin, usedPrefix)).length === SALES, 120_000, 200);
    await waitForSynced(till, 60_000);

    const onServer = await serverSales(admin, usedPrefix);
    expect(new Set(onServer.map((d) => d.id)).size).toBe(SALES);
    expect(onServer.map((d) => d.id).sort()).toEqual(bundles.map((b) => b.sale.id).sort());
    // Written once each: the first revision, no second write, no conflicting branches.
    expect(onServer.filter((d) => !d.rev.startsWith('1-'))).toEqual([]);
    expect(onServer.filter((d) => d.conflicts > 0)).toEqual([]);
    // Nothing set aside for a manager: a retried upload the server already held is a conflict, not a refusal, and
    // a server still setting itself up answers 503 (try again), not "not authorized" per document.
    expect(await till.status()).toMatchObject({ pendingTotal: 0, rejected: 0 });
  });
});
