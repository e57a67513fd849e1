/** The catalog as the selling screen sees it: category tiles, search as you type, quick keys, stock on hand. */
import type { CategoryView, ProductView } from '../../../shared/api/commands/selling-commands';
import type { CategoryDoc } from '../../../shared/model';
import type { HandlerMap } from '../api/handler-types';
import type { SellingContext } from './selling-context';

type CatalogCommands = 'catalog.categories' | 'catalog.search' | 'catalog.quickKeys' | 'stock.onHand';

/** Quick keys fill one screen of tiles. */
export const QUICK_KEYS = 24;

export function createCatalogSearchHandlers(s: SellingContext): HandlerMap<CatalogCommands> {
  const categories = async (): Promise<CategoryDoc[]> =>
    (await s.ctx.db.categories.find({ sort: [{ sortOrder: 'asc' }] }).exec()).map((d) => d.toMutableJSON() as CategoryDoc);

  /** A quick key shows the product's own picture (kept in the product, so it shows offline); the index holds none. */
  const withPictures = async (keys: ProductView[]): Promise<ProductView[]> => {
    const docs = await s.ctx.db.products.findByIds(keys.map((k) => k.id)).exec();
    return keys.map((k) => {
      const image = docs.get(k.id)?.image;
      return image ? { ...k, imageUrl: image } : k;
    });
  };

  return {
    'catalog.categories': async () => {
      const counts = s.catalog.categoryCounts();
      return (await categories()).map<CategoryView>((c) => ({
        id: c.id,
        name: c.name,
        color: c.color,
        sortOrder: c.sortOrder,
        productCount: counts.get(c.id) ?? 0,
      }));
    },

    'catalog.search': async (input) =>
      s.catalog.search({ query: input.query, categoryId: input.categoryId, limit: input.limit, offset: input.offset }),

    /**
     * Keys a manager assigned (the product's quick key) come first, in key order. The rest of the screen is filled by
     * the automatic rule: items without a barcode of their own (sold by weight) by category order, then by name;
     * then the first product of each category, so every tile row has something to tap.
     */
    'catalog.quickKeys': async () => {
      const order = await categories();
      const rank = new Map(order.map((c, i) => [c.id, i]));
      const byCategory = (a: ProductView, b: ProductView) => (rank.get(a.categoryId) ?? Infinity) - (rank.get(b.categoryId) ?? Infinity);
      const keys = s.catalog.assignedQuickKeys();
      const taken = (p: ProductView) => keys.some((k) => k.id === p.id);
      const weighed = s.catalog.firstByName(QUICK_KEYS * 4, (p) => p.unit === 'kg' && !taken(p)).sort(byCategory);
      keys.push(...weighed.slice(0, Math.max(0, QUICK_KEYS - keys.length)));
      for (const category of order) {
        if (keys.length >= QUICK_KEYS) break;
        const [first] = s.catalog.firstByName(1, (p) => p.categoryId === category.id && !taken(p));
        if (first) keys.push(first);
      }
      return withPictures(keys);
    },

    'stock.onHand': async (input) => ({ productId: input.productId, qtyMilli: s.stock.onHand(input.productId) }),
  };
}
