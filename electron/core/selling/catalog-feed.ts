/**
 * Keeps the catalog index current: filled once from the products collection when the core opens, then from the
 * collection's change stream (local edits, seeding, and later sync). New versions are folded into the sorted
 * structures once the catalog has been quiet for a moment, so a burst of changes costs one merge.
 */
import type { ProductDoc } from '../../../shared/model';
import type { CoreContext } from '../services/core-context';
import { CatalogIndex } from './catalog-index';
import { readAllDocuments } from './read-all';

const QUIET_MS = 500;

export interface CatalogFeed {
  index: CatalogIndex;
  stop(): void;
}

export async function startCatalogFeed(ctx: CoreContext): Promise<CatalogFeed> {
  const index = new CatalogIndex();
  /** Changes seen before the first read finished: replayed after it, in order (null: deleted). */
  const early: [string, ProductDoc | null][] = [];
  let loaded = false;
  let timer: NodeJS.Timeout | null = null;
  const settle = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      index.refresh(true);
    }, QUIET_MS);
    timer.unref();
  };
  // Subscribed before the first read so nothing written in between is missed; replaying it is harmless.
  const subscription = ctx.db.products.eventBulks$.subscribe((bulk) => {
    for (const event of bulk.events) {
      const doc = event.operation === 'DELETE' ? null : (event.documentData as ProductDoc);
      if (!loaded) early.push([event.documentId, doc]);
      else if (doc) index.upsert(doc);
      else index.remove(event.documentId);
    }
    settle();
  });
  try {
    const started = performance.now();
    for (const doc of await readAllDocuments(ctx.db.products)) index.upsert(doc);
    for (const [id, doc] of early) {
      if (doc) index.upsert(doc);
      else index.remove(id);
    }
    loaded = true;
    index.rebuild();
    ctx.log.info('Catalog index built', { products: index.size, ms: Math.round(performance.now() - started) });
  } catch (error) {
    subscription.unsubscribe();
    throw error;
  }
  return {
    index,
    stop() {
      subscription.unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
