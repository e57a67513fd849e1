/**
 * A price changed in the back office of a manager till reaches a clerk till through the real sync server, and
 * the next sale there charges it. Each till runs in its own process (one store per process).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CartView, CheckoutResult, ProductDetail, SearchResult } from '../../../shared/api/contract';
import { completeBarcode } from '../../../shared/catalog/barcodes';
import { openSyncTill, startSyncBackend, waitFor, waitForSynced } from '../sync/test-support/sync-harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const BARCODE = completeBarcode('ean13', '400000000777');
const ADMIN = { username: 'ada', secret: 'kassa-admin1' };

describe('a price change on a manager till', () => {
  it('reaches a clerk till through sync, and the next sale there uses it', { timeout: 120_000 }, async () => {
    const backend = await startSyncBackend([{ terminalId: 'T1', manager: true }, { terminalId: 'T2' }]);
    cleanups.push(() => backend.close());
    const manager = await openSyncTill(backend, { terminalId: 'T1' });
    cleanups.push(() => manager.dispose());
    await manager.must('auth.setupFirstAdmin', { ...ADMIN, displayName: 'Ada', credentialKind: 'password' });
    const drinks = await manager.must<{ id: string }>('categories.save', { name: 'Drinks', color: '#3A7D44' });
    const draft = {
      sku: 'LEM-00001', barcode: BARCODE, extraBarcodes: [], name: 'Lemonade 1 L', description: '', categoryId: drinks.id, price: 199,
      taxClass: 'standard', unit: 'piece', image: '', minStockMilli: 0, quickKey: 0, active: true,
    };
    const lemonade = await manager.must<ProductDetail>('products.save', draft);
    await waitForSynced(manager);

    const clerk = await openSyncTill(backend, { terminalId: 'T2' });
    cleanups.push(() => clerk.dispose());
    await waitFor('the lemonade on the clerk till', () => clerk.get('products', lemonade.id));
    await waitFor('the account on the clerk till', async () => (await clerk.call('auth.login', ADMIN)).ok);
    const sellOne = async () => {
      const cart = await clerk.must<CartView>('cart.scan', { code: BARCODE });
      return clerk.must<CheckoutResult>('checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 1000 }] });
    };
    expect((await sellOne()).receipt.total).toBe(199);

    await manager.must<ProductDetail>('products.save', { ...draft, id: lemonade.id, price: 249 });
    const found = await waitFor('the new price on the clerk till', async () => {
      const result = await clerk.must<SearchResult>('catalog.search', { query: BARCODE, limit: 1 });
      return result.items[0]?.price === 249 ? result : null;
    });
    expect(found.items[0]?.id).toBe(lemonade.id);
    const next = await sellOne();
    expect(next.receipt.total).toBe(249);
    expect(next.receipt.lines.map((l) => l.unitPrice)).toEqual([249]);

    // The change is audited on the manager till with both prices, and that audit reaches the server too.
    const audited = await waitFor('the price change audit on the server', async () =>
      (await backend.docs('audit_events')).find((e) => e.type === 'product.price_changed' && e.subjectId === lemonade.id),
    );
    expect(audited.details).toMatchObject({ oldPrice: 199, newPrice: 249, currency: 'EUR' });
  });
});
