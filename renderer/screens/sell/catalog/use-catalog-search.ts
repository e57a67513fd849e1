/**
 * Search as you type: asks the till's catalog index for the settled query (use-settled-query.ts) and pages
 * further results in as the list scrolls. Answers to older queries are dropped, so a slow answer never replaces a
 * newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductView } from '../../../../shared/api/commands/selling-commands';
import type { SellingApi } from '../../../api/selling-api';

const PAGE = 50;

export interface CatalogSearch {
  /** The query and category the items belong to. */
  forKey: string;
  items: ProductView[];
  total: number;
  loading: boolean;
  error: string | null;
  /** Load the next page, if there is one and none is loading. */
  more(): void;
}

export const searchKey = (query: string, categoryId: string | null) => `${categoryId ?? ''}\u0000${query.trim()}`;

export function useCatalogSearch(api: SellingApi, query: string, categoryId: string | null): CatalogSearch {
  const [state, setState] = useState({ forKey: '', items: [] as ProductView[], total: 0, loading: false, error: null as string | null });
  const generation = useRef(0);
  const active = query.trim() !== '' || categoryId !== null;
  const key = searchKey(query, categoryId);

  const fetchPage = useCallback(
    async (offset: number, gen: number) => {
      const input = { query: query.trim(), limit: PAGE, offset, ...(categoryId ? { categoryId } : {}) };
      const result = await api.call('catalog.search', input);
      if (gen !== generation.current) return;
      setState((s) =>
        result.ok
          ? { forKey: key, items: offset === 0 ? result.value.items : [...s.items, ...result.value.items], total: result.value.total, loading: false, error: null }
          : { ...s, loading: false, error: result.error.message },
      );
    },
    [api, query, categoryId, key],
  );

  useEffect(() => {
    const gen = ++generation.current;
    if (!active) {
      setState({ forKey: key, items: [], total: 0, loading: false, error: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    void fetchPage(0, gen);
  }, [active, key, fetchPage]);

  const current = useRef(state);
  useEffect(() => {
    current.current = state;
  });
  const more = useCallback(() => {
    const s = current.current;
    if (s.loading || s.forKey !== key || s.items.length >= s.total) return;
    current.current = { ...s, loading: true };
    setState(current.current);
    void fetchPage(s.items.length, generation.current);
  }, [fetchPage, key]);

  return { ...state, more };
}
