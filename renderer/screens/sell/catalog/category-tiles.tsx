/** Category tiles down the side of the catalog: tap one to browse it, tap it again (or Quick keys) to go back. */
import { memo, type CSSProperties } from 'react';
import type { CategoryView } from '../../../../shared/api/commands/selling-commands';

interface CategoryTilesProps {
  categories: CategoryView[];
  selected: string | null;
  onSelect: (categoryId: string | null) => void;
}

export const CategoryTiles = memo(function CategoryTiles({ categories, selected, onSelect }: CategoryTilesProps) {
  return (
    <div className="category-tiles" role="group" aria-label="Categories">
      <button type="button" className="category-tile" aria-pressed={selected === null} onClick={() => onSelect(null)}>
        Quick keys
      </button>
      {categories.map((c) => (
        <button
          key={c.id}
          type="button"
          className="category-tile"
          aria-pressed={selected === c.id}
          style={{ '--tile-color': c.color } as CSSProperties}
          onClick={() => onSelect(selected === c.id ? null : c.id)}
        >
          {c.name}
        </button>
      ))}
    </div>
  );
});
