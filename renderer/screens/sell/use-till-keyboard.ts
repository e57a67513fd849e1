/**
 * The till's keyboard for the whole selling area: on the selling screen a scanner burst goes to the cart, and
 * every other key is offered to the till command table. Any open modal dialog has the keyboard to itself. An EMPTY
 * search box is not taking text yet, so + − * Del ↑ ↓ act on the cart from there too (it has focus by default).
 */
import { useKeyboardWedge } from '../../commands/use-keyboard-wedge';
import { useSellSession } from './sell-session';
import { tillCommands, tillContext } from './till-commands';

const modalOpen = () => document.querySelector('dialog:modal') !== null;

export function useTillKeyboard(): void {
  const { store, searchRef, focusSearch } = useSellSession();
  useKeyboardWedge({
    scanEnabled: () => store.getState().view === 'sell' && store.getState().dialog === null && !modalOpen(),
    scanField: () => searchRef.current,
    // Product codes (EAN, UPC, in-store labels) are digits; the till service judges them.
    accept: (code) => /^\d+$/.test(code),
    onScan: (code, target) => {
      const state = store.getState();
      // The scanner typed into the search box: take its characters back out.
      if (target === searchRef.current && state.query.endsWith(code)) state.setQuery(state.query.slice(0, -code.length));
      void state.scan(code);
    },
    onKey: (event, inTextField) => {
      if (modalOpen()) return false;
      const state = store.getState();
      const emptySearch = event.target === searchRef.current && state.query === '';
      const press = { key: event.key, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey, inTextField: inTextField && !emptySearch };
      return tillCommands.handleKey(press, tillContext(state, focusSearch)) !== null;
    },
  });
}
