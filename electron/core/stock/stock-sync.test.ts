/**
 * Stock changes made in the back office leave the till like sales do: the sync server (its validation generated
 * from the v1 schema) accepts a damaged adjustment with its note and a stocktake's count movements, and another
 * till then holds the same on hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StockAdjustment, StocktakeView } from '../../../shared/api/commands/stock-commands';
import type { RemoteTill } from '../sync/test-support/remote-till';
import { openSyncTill, startSyncBackend, waitFor, waitForSynced, type SyncBackend } from '../sync/test-support/sync-harness';

let backend: SyncBackend | null = null;
const tills: RemoteTill[] = [];
afterEach(async () => {
  for (const till of tills.splice(0)) await till.dispose();
  await backend?.close();
  backend = null;
});

const PRODUCT = 'DEMO-P000001';
const onHand = async (till: RemoteTill) => (await till.must<{ qtyMilli: number }>('stock.onHand', { productId: PRODUCT })).qtyMilli;

describe('stock movements through sync', () => {
  it('uploads an adjustment and a posted stocktake, accepted by the server, and another till agrees on hand', { timeout: 120_000 }, async () => {
    backend = await startSyncBackend([{ terminalId: 'T1', manager: true }, { terminalId: 'T2', manager: true }]);
    const [t1, t2] = await Promise.all([
      openSyncTill(backend, { terminalId: 'T1', demo: true, demoProducts: 30 }),
      openSyncTill(backend, { terminalId: 'T2', demo: true, demoProducts: 30 }),
    ]);
    tills.push(t1, t2);
    for (const till of [t1, t2]) await till.must('auth.login', { username: 'maria', secret: '4321' });

    const damaged = await t1.must<StockAdjustment>('stock.adjust', { productId: PRODUCT, reason: 'damaged', qtyMilli: 3000, note: 'Dropped crate' });
    const take = await t1.must<StocktakeView>('stocktake.start', {});
    await t1.must('stocktake.count', { stocktakeId: take.id, productId: PRODUCT, countedMilli: 17_000 });
    await t1.must('stocktake.post', { stocktakeId: take.id });
    expect(await onHand(t1)).toBe(17_000);

    const synced = await waitForSynced(t1);
    expect(synced.rejected).toBe(0);
    const server = await backend.docs('stock_movements');
    expect(server.find((d) => d._id === damaged.movementId)).toMatchObject({ reason: 'damaged', qtyMilli: -3000, note: 'Dropped crate' });
    expect(server.find((d) => d._id === `${take.id}-K1`)).toMatchObject({ reason: 'count', qtyMilli: -4000, refId: take.id });
    await waitFor('the stocktake on T2', async () => (await onHand(t2)) === 17_000);
  });
});
