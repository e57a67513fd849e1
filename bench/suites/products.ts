/**
 * Products suite: the managers' back office on a catalog of 100,000 products.
 *
 * - products_list_p95_ms: p95 of 60 `products.list` pages (200 rows) through the dispatcher: the first page, a page
 *   90,000 rows down, a search, a category, the archived ones. Target ≤ 100 ms.
 * - product_save_p95_ms: p95 of 30 single `products.save` price changes (checked, written, audited). Target ≤ 150 ms.
 * - import_100k_price_change_ms: `ProductBook.saveMany` of all 100,000 products, every price changed (checked as a
 *   whole, written in batches, 100,000 price-change audit events).
 */
import { draftOf } from '../../shared/catalog/product-draft';
import type { ProductDoc } from '../../shared/model';
import { openTempTill } from '../../electron/core/test-support/temp-till';
import type { BenchResult, BenchSize } from '../bench-types';
import { percentile } from '../support/product-db';

const SIZES = {
  full: { products: 100_000, lists: 60, saves: 30 },
  quick: { products: 2_000, lists: 12, saves: 6 },
} satisfies Record<BenchSize, unknown>;
const SCREEN = 'bench:office';

export async function productsSuite(size: BenchSize): Promise<BenchResult[]> {
  const { products, lists, saves } = SIZES[size];
  const till = await openTempTill({ demo: true, demoProducts: products, terminalId: 'BENCH' });
  try {
    await till.must(SCREEN, 'auth.login', { username: 'maria', secret: '4321' });
    const pages = [
      { query: '', limit: 200 },
      { query: '', offset: Math.floor(products * 0.9), limit: 200 },
      { query: 'choc', limit: 200 },
      { query: '', categoryId: 'DEMO-CFRU', limit: 200 },
      { query: '', status: 'archived' as const, limit: 200 },
      { query: 'organic milk', status: 'all' as const, limit: 200 },
    ];
    const listTimes: number[] = [];
    for (let i = 0; i < lists; i++) {
      const started = performance.now();
      await till.must(SCREEN, 'products.list', pages[i % pages.length]!);
      listTimes.push(performance.now() - started);
    }
    const docs = (await till.db.products.find().exec()).map((d) => d.toMutableJSON() as ProductDoc);
    const saveTimes: number[] = [];
    for (let i = 0; i < saves; i++) {
      const started = performance.now();
      await till.must(SCREEN, 'products.save', { ...draftOf(docs[i]!), price: docs[i]!.price + 5 });
      saveTimes.push(performance.now() - started);
    }
    const started = performance.now();
    await till.core.products.saveMany(docs.map((d) => ({ ...draftOf(d), price: d.price + 10 })), 'BENCH');
    const importMs = performance.now() - started;
    return [
      { name: 'products_list_p95_ms', value: percentile(listTimes, 95), unit: 'ms' },
      { name: 'product_save_p95_ms', value: percentile(saveTimes, 95), unit: 'ms' },
      { name: 'import_100k_price_change_ms', value: Math.round(importMs), unit: 'ms' },
    ];
  } finally {
    await till.dispose();
  }
}
