/**
 * The clerk's selling screen: catalog on the left, cart and payment on the right, the line and sale commands
 * along the bottom, and at most one dialog. The keyboard and scanner are wired one level up (use-till-keyboard.ts).
 */
import { useEffect, useRef } from 'react';
import { CartPanel, CommandBar } from './cart/cart-panel';
import { CatalogPane } from './catalog/catalog-pane';
import { SellDialogs } from './dialogs/sell-dialogs';
import { useSell, useSellSession } from './sell-session';
import './sell.css';
import './dialogs.css';

/** Back to the search box whenever a dialog closes, so the next scan or search just works. */
function useFocusAfterDialogs(): void {
  const { focusSearch } = useSellSession();
  const dialogOpen = useSell((s) => s.dialog !== null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !dialogOpen) focusSearch();
    wasOpen.current = dialogOpen;
  }, [dialogOpen, focusSearch]);
}

export function SellScreen() {
  const { focusSearch } = useSellSession();
  useFocusAfterDialogs();
  useEffect(() => focusSearch(), [focusSearch]);

  return (
    <div className="sell-screen">
      <CatalogPane />
      <CartPanel />
      <CommandBar />
      <SellDialogs />
    </div>
  );
}
