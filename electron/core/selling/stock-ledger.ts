/**
 * Stock on hand per product = the sum of its stock movements. Summed once when the core opens and kept current from
 * the stock_movements change stream (sales and returns here, and later movements of other tills through sync), so
 * the cart can flag a line that takes stock below zero without a query per line.
 */
import type { StockMovementDoc } from '../../../shared/model';
import type { CoreContext } from '../services/core-context';
import { readAllDocuments } from './read-all';

export interface StockLedger {
  onHand(productId: string): number;
  stop(): void;
}

type Change = { id: string; delta: number; productId: string; previous: { productId: string; qtyMilli: number } | null };

export async function startStockLedger(ctx: CoreContext): Promise<StockLedger> {
  const totals = new Map<string, number>();
  const add = (productId: string, qtyMilli: number) => totals.set(productId, (totals.get(productId) ?? 0) + qtyMilli);
  const apply = (change: Change) => {
    if (change.previous) add(change.previous.productId, -change.previous.qtyMilli);
    add(change.productId, change.delta);
  };
  let early: Change[] | null = [];
  const subscription = ctx.db.stock_movements.eventBulks$.subscribe((bulk) => {
    for (const event of bulk.events) {
      const doc = event.documentData as StockMovementDoc;
      const prev = event.previousDocumentData as StockMovementDoc | undefined;
      const change: Change = {
        id: event.documentId,
        productId: doc.productId,
        delta: event.operation === 'DELETE' ? 0 : doc.qtyMilli,
        previous: prev ? { productId: prev.productId, qtyMilli: prev.qtyMilli } : null,
      };
      if (early) early.push(change);
      else apply(change);
    }
  });
  try {
    const loaded = new Set<string>();
    for (const doc of await readAllDocuments(ctx.db.stock_movements)) {
      add(doc.productId, doc.qtyMilli);
      loaded.add(doc.id);
    }
    // Movements are immutable: one already in the read is counted; only those written after it are added.
    for (const change of early) if (!loaded.has(change.id)) apply(change);
    early = null;
  } catch (error) {
    subscription.unsubscribe();
    throw error;
  }
  return {
    onHand: (productId) => totals.get(productId) ?? 0,
    stop: () => subscription.unsubscribe(),
  };
}
