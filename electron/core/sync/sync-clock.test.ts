/**
 * A terminal whose clock runs hours ahead sells and syncs; then its clock is corrected. Uploads find local changes
 * by write time, so sales made after the correction sort before everything already uploaded: they must still go
 * up, also when they were made offline and the till restarted before it got back online.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import { createNetworkSwitch } from './test-support/network-switch';
import { makeSale, writeSales } from './test-support/sale-fixtures';
import { openSyncTill, startSyncBackend, waitFor, waitForSynced } from './test-support/sync-harness';
import { makeTempDir } from '../test-support/temp-till';

const HOUR = 3_600_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a terminal whose clock was hours off', () => {
  it('uploads the sales made after its clock was put back, across restarts', { timeout: 180_000 }, async () => {
    const backend = await startSyncBackend([{ terminalId: 'T1', manager: true }]);
    cleanups.push(() => backend.close());
    const net = await createNetworkSwitch(backend.url);
    cleanups.push(() => net.close());
    const dataDir = makeTempDir('kassa-clock-');
    const products = generateCatalog({ products: 4, seed: 9, idPrefix: 'T1' }).products;
    const sales = (from: number, at: number) =>
      Array.from({ length: 20 }, (_, i) =>
        makeSale({ id: `T1-CLOCK${String(from + i).padStart(4, '0')}`, terminalId: 'T1', seq: from + i, at: new Date(at).toISOString(), products: products.slice(0, 2) }),
      );

    // 1. Five hours ahead: 20 sales, all uploaded.
    const ahead = await openSyncTill(backend, { terminalId: 'T1', url: net.url, dataDir, clockOffsetMs: 5 * HOUR });
    await writeSales(ahead, sales(1, Date.now() + 5 * HOUR));
    await waitFor('20 sales on the server', async () => (await backend.docs('sales')).length === 20);
    await waitForSynced(ahead);
    await ahead.stop();

    // 2. Clock corrected, network down: 20 more sales, then the till is closed before it gets back online.
    net.setOnline(false);
    const corrected = await openSyncTill(backend, { terminalId: 'T1', url: net.url, dataDir });
    await writeSales(corrected, sales(21, Date.now()));
    await waitFor('the 20 new sales waiting', async () => (await corrected.status()).pending.sales === 20);
    await corrected.stop();

    // 3. Restarted online: the 20 sales written "before" the last upload still go up.
    net.setOnline(true);
    const back = await openSyncTill(backend, { terminalId: 'T1', url: net.url, dataDir });
    cleanups.push(() => back.dispose());
    await waitFor('40 sales on the server', async () => (await backend.docs('sales')).length === 40, 60_000);
    const synced = await waitForSynced(back);
    expect(synced.pendingTotal).toBe(0);
    expect((await backend.docs('payments')).length).toBe(40);
  });
});
