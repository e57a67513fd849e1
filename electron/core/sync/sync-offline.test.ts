/**
 * Two terminals sell while cut off from the server, then reconnect: every sale, payment and stock movement ends
 * up on the server and on both terminals exactly once. Runs against the embedded server, or the CouchDB in
 * KASSA_TEST_COUCH_URL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import { createNetworkSwitch, type NetworkSwitch } from './test-support/network-switch';
import { ledger, makeSale, writeSales, type SaleBundle } from './test-support/sale-fixtures';
import type { RemoteTill } from './test-support/remote-till';
import { openSyncTill, startSyncBackend, waitFor, waitForSynced, type SyncBackend } from './test-support/sync-harness';

let backend: SyncBackend | null = null;
const tills: RemoteTill[] = [];
const switches: NetworkSwitch[] = [];

afterEach(async () => {
  for (const till of tills.splice(0)) await till.dispose();
  for (const s of switches.splice(0)) await s.close();
  await backend?.close();
  backend = null;
});


function salesOf(terminalId: string, count: number, products: { id: string; sku: string; name: string; price: number }[], newId: () => string): SaleBundle[] {
  return Array.from({ length: count }, (_, i) =>
    makeSale({
      id: newId(),
      terminalId,
      seq: i + 1,
      at: new Date(Date.UTC(2026, 10, 28, 10, 0, i)).toISOString(),
      products: [products[i % products.length]!, products[(i * 7 + 3) % products.length]!],
    }),
  );
}

describe('selling offline on two terminals', () => {
  it('uploads 2 × 200 offline sales exactly once and gives every terminal the same sales and stock ledger', { timeout: 180_000 }, async () => {
    backend = await startSyncBackend([{ terminalId: 'T1', manager: true }, { terminalId: 'T2', manager: true }]);
    const net1 = await createNetworkSwitch(backend.url);
    const net2 = await createNetworkSwitch(backend.url);
    switches.push(net1, net2);
    const [t1, t2] = await Promise.all([
      openSyncTill(backend, { terminalId: 'T1', url: net1.url }),
      openSyncTill(backend, { terminalId: 'T2', url: net2.url }),
    ]);
    tills.push(t1, t2);

    // The catalog is made on T1 and reaches T2 through the server.
    const catalog = generateCatalog({ products: 30, seed: 7, idPrefix: 'T1' });
    await t1.insert('products', catalog.products);
    await waitFor('the catalog on T2', async () => (await t2.count('products')) === 30);

    net1.setOnline(false);
    net2.setOnline(false);
    const ids = (terminalId: string) => {
      let n = 0;
      return () => `${terminalId}-OFFLINE${String(++n).padStart(5, '0')}`;
    };
    const sales1 = salesOf('T1', 200, catalog.products, ids('T1'));
    const sales2 = salesOf('T2', 200, catalog.products, ids('T2'));
    for (let i = 0; i < 200; i += 20) {
      await writeSales(t1, sales1.slice(i, i + 20));
      await writeSales(t2, sales2.slice(i, i + 20));
    }
    const offline = await waitFor('T1 to report itself offline with 200 sales waiting', async () => {
      const status = await t1.status();
      return status.state === 'offline' && status.pending.sales === 200 ? status : null;
    });
    expect(offline.problem?.kind).toMatch(/unreachable|timeout/);
    expect(offline.pending).toMatchObject({ sales: 200, payments: 200 });

    net1.setOnline(true);
    net2.setOnline(true);
    await waitFor('400 sales on the server', async () => (await backend!.docs('sales')).length === 400, 60_000);
    for (const till of [t1, t2]) {
      await waitFor(`400 sales on ${till.terminalId}`, async () => (await till.count('sales')) === 400, 60_000);
      await waitForSynced(till);
    }

    const serverSales = await backend.docs('sales');
    const expectedIds = [...sales1, ...sales2].map((b) => b.sale.id).sort();
    expect(serverSales.map((d) => d._id).sort()).toEqual(expectedIds);
    // Each sale was written once on the server: first revision, never overwritten, no conflicts.
    expect(serverSales.every((d) => String(d._rev).startsWith('1-'))).toBe(true);
    for (const till of [t1, t2]) {
      expect((await till.find('sales')).map((d) => d.id).sort()).toEqual(expectedIds);
      expect(await till.count('payments')).toBe(400);
    }

    const serverLedger = ledger(await backend.docs('stock_movements'));
    const expectedLedger = ledger([...sales1, ...sales2].flatMap((b) => b.movements));
    expect(serverLedger).toEqual(expectedLedger);
    expect(ledger(await t1.find('stock_movements'))).toEqual(expectedLedger);
    expect(ledger(await t2.find('stock_movements'))).toEqual(expectedLedger);
    expect((await backend.docs('payments')).length).toBe(400);
  });
});
