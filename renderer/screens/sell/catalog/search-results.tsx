/**
 * Search results as a virtual list: only the rows in view exist in the page, so 10,000 matches scroll as
 * smoothly as ten. Reaching the end loads the next page. Thumbnails load lazily, and only when a product has one.
 */
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ProductView } from '../../../../shared/api/commands/selling-commands';
import { money } from '../display-format';

const ROW_PX = 64;

interface SearchResultsProps {
  listId: string;
  items: ProductView[];
  total: number;
  activeIndex: number;
  onAdd: (product: ProductView) => void;
  onNearEnd: () => void;
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

export function SearchResults({ listId, items, total, activeIndex, onAdd, onNearEnd }: SearchResultsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 8 });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (lastShown >= items.length - 10 && items.length < total) onNearEnd();
  }, [lastShown, items.length, total, onNearEnd]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    <div ref={scrollRef} className="results-scroll">
      <ul id={listId} role="listbox" aria-label="Search results" className="results-list" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const product = items[row.index]!;
          return (
            <li
              key={product.id}
              id={optionId(listId, row.index)}
              role="option"
              aria-selected={row.index === activeIndex}
              aria-setsize={total}
              aria-posinset={row.index + 1}
              className="result-row"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_PX }}
              // Keep focus where it is (the search box): a click adds, it does not move the cursor.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onAdd(product)}
            >
              {product.imageUrl ? <img className="result-thumb" src={product.imageUrl} alt="" loading="lazy" decoding="async" /> : null}
              <span className="result-text">
                <span className="result-name">{product.name}</span>
                <span className="result-meta">
                  {product.sku} · {product.barcode}
                </span>
              </span>
              <span className="result-price">
                {money(product.price, product.currency)}
                {product.unit === 'kg' ? ' /kg' : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
