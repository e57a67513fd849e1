/**
 * The search text once typing pauses. The catalog pane follows this, not every key: a scanner typing 13 digits
 * into the search box then re-renders only the box, so its keys keep their pace and the burst is still a scan.
 */
import { useEffect, useState } from 'react';
import type { SellStore } from '../sell-store';

export const SEARCH_DEBOUNCE_MS = 150;

export function useSettledQuery(store: SellStore, delayMs = SEARCH_DEBOUNCE_MS): string {
  const [settled, setSettled] = useState(() => store.getState().query);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = store.subscribe((state, previous) => {
      if (state.query === previous.query) return;
      clearTimeout(timer);
      // Clearing the box is not typing: show the quick keys again at once.
      if (state.query.trim() === '') setSettled(state.query);
      else timer = setTimeout(() => setSettled(state.query), delayMs);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [store, delayMs]);
  return settled;
}
