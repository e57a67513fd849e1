/** What the catalog holds, and a live signal when it changes (new products arrive by seeding or, later, sync). */
import { debounceTime, merge } from 'rxjs';
import type { CatalogSummary } from '../../../shared/api/contract';
import type { HandlerMap } from '../api/handler-types';
import type { CoreContext } from './core-context';

export async function catalogSummary(ctx: CoreContext): Promise<CatalogSummary> {
  const [products, categories] = await Promise.all([ctx.db.products.count().exec(), ctx.db.categories.count().exec()]);
  return { products, categories };
}

export function createCatalogHandlers(ctx: CoreContext): HandlerMap<'catalog.summary'> {
  return { 'catalog.summary': () => catalogSummary(ctx) };
}

/** Pushes `catalog.changed` to every screen, at most a few times a second during a bulk load. */
export function watchCatalog(ctx: CoreContext): () => void {
  const subscription = merge(ctx.db.products.$, ctx.db.categories.$)
    .pipe(debounceTime(250))
    .subscribe(() => {
      catalogSummary(ctx).then(
        (payload) => ctx.push({ channelId: null, message: { event: 'catalog.changed', payload } }),
        (error: unknown) => ctx.log.warn('Could not count the catalog', { error }),
      );
    });
  return () => subscription.unsubscribe();
}
