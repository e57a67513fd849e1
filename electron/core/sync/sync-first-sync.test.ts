/**
 * A new terminal joins a store with a large catalog: its screens are told how far the first sync got, and it
 * sells products that have arrived while the rest is still coming. Sales rung up through the till's own
 * commands reach the other terminal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CartView, CheckoutResult, SaleSummary } from '../../../shared/api/contract';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import { openSyncTill, startSyncBackend, waitFor, waitForSynced } from './test-support/sync-harness';

const PRODUCTS = 10_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the first sync of a new terminal', () => {
  it('shows its progress and sells while the catalog is still arriving', { timeout: 240_000 }, async () => {
    const backend = await startSyncBackend([{ terminalId: 'T1', manager: true }, { terminalId: 'T2', manager: true }]);
    cleanups.push(() => backend.close());
    const t1 = await openSyncTill(backend, { terminalId: 'T1', settings: { batches: { push: 1_000, pull: 1_000 } } });
    cleanups.push(() => t1.dispose());
    const catalog = generateCatalog({ products: PRODUCTS, seed: 21, idPrefix: 'T1' });
    await t1.insert('categories', catalog.categories);
    await t1.insert('products', catalog.products);
    await t1.must('auth.setupFirstAdmin', { username: 'clara', displayName: 'Clara', credentialKind: 'pin', secret: '1234' });
    await waitFor('the catalog on the server', async () => (await backend.docs('products')).length === PRODUCTS, 120_000, 250);
    await waitForSynced(t1, 60_000);

    // Small pages, so the first pull takes a while.
    const t2 = await openSyncTill(backend, { terminalId: 'T2', settings: { batches: { pull: 100, push: 100 } } });
    cleanups.push(() => t2.dispose());
    const during = await waitFor(
      'the first sync under way, with the account on T2',
      async () => {
        const status = await t2.status();
        const users = await t2.count('users');
        return status.firstSync && status.firstSync.done > 0 && status.firstSync.done < status.firstSync.total && users > 0 ? status : null;
      },
      60_000,
      20,
    );
    expect(during.firstSync!.total).toBeGreaterThanOrEqual(PRODUCTS);

    await t2.must('auth.login', { username: 'clara', secret: '1234' });
    const [arrived] = await t2.find<{ id: string; price: number }>('products');
    let cart = await t2.must<CartView>('cart.addProduct', { productId: arrived!.id });
    cart = await t2.must<CartView>('cart.get', {});
    const paid = await t2.must<CheckoutResult>('checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: cart.cashTotal }] });
    const still = await t2.status();
    expect(still.firstSync).not.toBeNull();
    expect(await t2.count('products')).toBeLessThan(PRODUCTS);

    // Screens were told along the way: several progress pushes, growing.
    const pushed = (await t2.pushedStatuses()).filter((s) => s.firstSync).map((s) => s.firstSync!.done);
    expect(pushed.length).toBeGreaterThan(1);
    expect(pushed.at(-1)!).toBeGreaterThan(pushed[0]!);

    await waitFor('the whole catalog on T2', async () => (await t2.count('products')) === PRODUCTS, 180_000, 250);
    await waitForSynced(t2, 60_000);
    const recent = await waitFor('the sale of T2 in the sales history of T1', async () => {
      await t1.call('auth.login', { username: 'clara', secret: '1234' });
      const list = await t1.must<SaleSummary[]>('sales.recent', { limit: 10 });
      return list.some((s) => s.number === paid.receipt.number) ? list : null;
    });
    expect(recent.find((s) => s.number === paid.receipt.number)).toMatchObject({ terminalId: 'T2', total: paid.receipt.total });
  });
});
