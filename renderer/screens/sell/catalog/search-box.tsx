/**
 * The product search box: a combobox over the result list. ↑/↓ move through results, Enter adds the highlighted
 * one (or, when the text is a code typed by hand, scans it). A scanner typing here is caught before this sees it.
 */
import type { KeyboardEvent } from 'react';
import { tillCommands } from '../till-commands';
import { useSell, useSellSession } from '../sell-session';

interface SearchBoxProps {
  listId: string;
  expanded: boolean;
  activeId: string | undefined;
  onMove: (step: 1 | -1) => void;
  onEnter: () => void;
}

export function SearchBox({ listId, expanded, activeId, onMove, onEnter }: SearchBoxProps) {
  const { store, searchRef } = useSellSession();
  const query = useSell((s) => s.query);
  const hint = tillCommands.get('search').shortcut?.hint;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') onMove(e.key === 'ArrowDown' ? 1 : -1);
    else if (e.key === 'Enter') onEnter();
    else return;
    e.preventDefault();
  };

  return (
    <div className="search-box">
      <label htmlFor="product-search">
        Search products <kbd className="keycap" aria-hidden="true">{hint}</kbd>
      </label>
      <input
        ref={searchRef}
        id="product-search"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-controls={expanded ? listId : undefined}
        aria-expanded={expanded}
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        placeholder="Name, SKU or barcode"
        value={query}
        onChange={(e) => store.getState().setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
