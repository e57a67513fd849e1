/** The store's quick keys: big buttons for the products sold most, one tap adds one. */
import { memo } from 'react';
import type { ProductView } from '../../../../shared/api/commands/selling-commands';
import { money } from '../display-format';

export const QuickKeys = memo(function QuickKeys({ products, onAdd }: { products: ProductView[]; onAdd: (product: ProductView) => void }) {
  if (products.length === 0) return <p className="empty-note">No quick keys yet. Search or pick a category.</p>;
  return (
    <ul className="quick-keys" aria-label="Quick keys">
      {products.map((p) => (
        <li key={p.id}>
          <button type="button" className="quick-key" onClick={() => onAdd(p)}>
            {p.imageUrl ? <img className="quick-key-picture" src={p.imageUrl} alt="" decoding="async" /> : null}
            <span className="quick-key-name">{p.name}</span>
            <span className="quick-key-price">
              {money(p.price, p.currency)}
              {p.unit === 'kg' ? ' /kg' : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
});
