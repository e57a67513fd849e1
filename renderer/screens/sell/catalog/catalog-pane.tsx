/**
 * The left half of the selling screen: search on top, categories down the side, and either the quick keys or
 * the results. Adding a product is the only thing it does to the cart.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ProductView } from '../../../../shared/api/commands/selling-commands';
import { useSellingRead } from '../../../api/use-selling-read';
import { AlertMessage } from '../../../components/alert-message';
import { useSellSession } from '../sell-session';
import { CatalogCount } from './catalog-count';
import { CategoryTiles } from './category-tiles';
import { QuickKeys } from './quick-keys';
import { SearchBox } from './search-box';
import { optionId, SearchResults } from './search-results';
import { searchKey, useCatalogSearch } from './use-catalog-search';
import { useSettledQuery } from './use-settled-query';
import './catalog.css';

const LIST_ID = 'product-results';
/** A whole barcode typed by hand (EAN-8, UPC-A, EAN-13, GTIN-14): Enter scans it rather than picking a result. */
const CODE_TYPED = /^\d{8,14}$/;
const NONE: never[] = [];

export function CatalogPane() {
  const { api, store, run } = useSellSession();
  const query = useSettledQuery(store);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const categories = useSellingRead(api, 'catalog.categories', {});
  const quickKeys = useSellingRead(api, 'catalog.quickKeys', {});
  const search = useCatalogSearch(api, query, categoryId);
  const browsing = query.trim() !== '' || categoryId !== null;
  const current = search.forKey === searchKey(query, categoryId);
  const shown = browsing && current ? search.items : [];

  useEffect(() => setActive(0), [query, categoryId]);

  // Loose goods are weighed first: the till service needs the weight to price the line.
  const add = useCallback(
    (product: ProductView) => {
      if (product.unit === 'kg') store.getState().open({ kind: 'weigh', product });
      else void store.getState().addProduct(product.id);
    },
    [store],
  );

  const onEnter = () => {
    const state = store.getState();
    const typed = state.query.trim();
    // A code typed by hand (a label the scanner cannot read) is scanned, with the scanner's checks.
    if (CODE_TYPED.test(typed)) run('scan', typed);
    else {
      // Results for text still being typed would add the wrong product.
      const product = typed === query.trim() ? shown[active] : undefined;
      if (!product) return;
      add(product);
    }
    state.setQuery('');
  };
  const move = (step: 1 | -1) => setActive((i) => Math.max(0, Math.min(shown.length - 1, i + step)));

  return (
    <section className="catalog-pane" aria-labelledby="catalog-heading">
      <div className="pane-heading">
        <h2 id="catalog-heading">Catalog</h2>
        <CatalogCount />
      </div>
      <SearchBox
        listId={LIST_ID}
        expanded={shown.length > 0}
        activeId={shown.length > 0 ? optionId(LIST_ID, active) : undefined}
        onMove={move}
        onEnter={onEnter}
      />
      <AlertMessage message={categories.error?.message ?? quickKeys.error?.message ?? search.error} />
      <div className="catalog-body">
        <CategoryTiles categories={categories.value ?? NONE} selected={categoryId} onSelect={setCategoryId} />
        <div className="catalog-main">
          {browsing ? (
            <>
              <p className="results-count" role="status">
                {current ? `${search.total.toLocaleString()} ${search.total === 1 ? 'product' : 'products'}` : 'Searching…'}
              </p>
              <SearchResults listId={LIST_ID} items={shown} total={search.total} activeIndex={active} onAdd={add} onNearEnd={search.more} />
            </>
          ) : (
            <QuickKeys products={quickKeys.value ?? NONE} onAdd={add} />
          )}
        </div>
      </div>
    </section>
  );
}
