/**
 * Every product of the catalog, searched and filtered by the core's index, as a virtual list: only the rows in
 * view exist in the page, and the next page loads as the end comes into view, so 100,000 products scroll freely.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CategoryView, ProductRow } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { usePushEvent } from '../../api/use-api';
import { AlertMessage } from '../../components/alert-message';
import { money } from '../sell/display-format';

const ROW_PX = 56;
const PAGE = 200;
type Status = 'active' | 'archived' | 'all';

interface ProductListProps {
  categories: CategoryView[];
  /** Bumped after a save here: the list reloads. */
  refreshKey: number;
  onEdit: (productId: string) => void;
  onArchive: (product: ProductRow) => void;
}

export function ProductList({ categories, refreshKey, onEdit, onArchive }: ProductListProps) {
  const ids = useId();
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const { items, total, error, loadMore, reload } = useProductPages(query, categoryId, status, refreshKey);
  usePushEvent('catalog.changed', reload);
  const names = new Map(categories.map((c) => [c.id, c.name]));

  return (
    <div className="product-list">
      <div className="product-filters">
        <div className="field">
          <label htmlFor={`${ids}-q`}>Search products</label>
          <input id={`${ids}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, SKU or barcode" />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-c`}>Category filter</label>
          <select id={`${ids}-c`} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-s`}>Show</label>
          <select id={`${ids}-s`} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            <option value="active">For sale</option>
            <option value="archived">Archived</option>
            <option value="all">All products</option>
          </select>
        </div>
      </div>
      <p className="field-hint" role="status">{total === null ? 'Loading…' : `${total.toLocaleString()} products`}</p>
      <AlertMessage message={error} />
      <ProductRows items={items} total={total ?? 0} names={names} onNearEnd={loadMore} onEdit={onEdit} onArchive={onArchive} />
    </div>
  );
}

interface ProductRowsProps {
  items: ProductRow[];
  total: number;
  names: Map<string, string>;
  onNearEnd: () => void;
  onEdit: (productId: string) => void;
  onArchive: (product: ProductRow) => void;
}

function ProductRows({ items, total, names, onNearEnd, onEdit, onArchive }: ProductRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 10 });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (lastShown >= items.length - 20 && items.length < total) onNearEnd();
  }, [lastShown, items.length, total, onNearEnd]);

  return (
    <div ref={scrollRef} className="product-scroll">
      <ul aria-label="Products" className="product-rows" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const p = items[row.index]!;
          return (
            <li key={p.id} className={p.active ? 'product-row' : 'product-row inactive'} style={{ transform: `translateY(${row.start}px)`, height: ROW_PX }} aria-setsize={total} aria-posinset={row.index + 1}>
              <span className="product-main">
                <span className="product-name">{p.name}</span>
                <span className="product-meta">
                  {p.sku}
                  {p.barcode ? ` · ${p.barcode}` : ''} · {names.get(p.categoryId) ?? 'No category'}
                  {p.quickKey ? ` · key ${p.quickKey}` : ''}
                  {p.active ? '' : ' · archived'}
                </span>
              </span>
              <span className="product-price">
                {money(p.price, p.currency)}
                {p.unit === 'kg' ? ' /kg' : ''}
              </span>
              <span className="row-actions">
                <button type="button" className="button-small" aria-label={`Edit ${p.name}`} onClick={() => onEdit(p.id)}>
                  Edit
                </button>
                <button type="button" className="button-small button-secondary" aria-label={`${p.active ? 'Archive' : 'Restore'} ${p.name}`} onClick={() => onArchive(p)}>
                  {p.active ? 'Archive' : 'Restore'}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Pages of the list for the current filters; a newer filter's answer always wins over an older one's. */
function useProductPages(query: string, categoryId: string, status: Status, refreshKey: number) {
  const [items, setItems] = useState<ProductRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const request = useRef(0);
  const loading = useRef(false);

  const fetchPage = useCallback(
    async (offset: number, replace: boolean) => {
      const mine = ++request.current;
      loading.current = true;
      const result = await api.call('products.list', { query, status, offset, limit: PAGE, ...(categoryId ? { categoryId } : {}) });
      if (mine !== request.current) return;
      loading.current = false;
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setTotal(result.value.total);
      setItems((old) => (replace ? result.value.items : [...old, ...result.value.items]));
    },
    [query, categoryId, status],
  );

  useEffect(() => {
    // Typing is debounced a little: one request per pause, not per key.
    const timer = setTimeout(() => void fetchPage(0, true), 120);
    return () => clearTimeout(timer);
  }, [fetchPage, refreshKey, generation]);

  const loadMore = useCallback(() => {
    if (!loading.current) void fetchPage(items.length, false);
  }, [fetchPage, items.length]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { items, total, error, loadMore, reload };
}
