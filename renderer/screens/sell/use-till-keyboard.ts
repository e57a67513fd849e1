/**
 * The till's keyboard for the whole selling area: a scanner burst runs the command table's `scan`, and every other
 * key is offered to the table as a shortcut. Any open modal dialog has the keyboard to itself. An EMPTY
 * search box is not taking text yet, so + − * Del ↑ ↓ act on the cart from there too (it has focus by default).
 */
import { useKeyboardWedge } from '../../commands/use-keyboard-wedge';
import { modalDialogOpen } from '../../components/modal-dialog';
import { useSellSession } from './sell-session';
import { tillCommands } from './till-commands';

/** Product codes (EAN, UPC, in-store labels) are digits; the till service judges them. */
const isProductCode = (code: string) => /^\d+$/.test(code);

export function useTillKeyboard(): void {
  const { store, searchRef, context, run, can } = useSellSession();
  useKeyboardWedge({
    scanEnabled: () => can('scan', store.getState()),
    scanField: () => searchRef.current,
    accept: isProductCode,
    onScan: (code, target) => {
      const state = store.getState();
      // The scanner typed into the search box: take its characters back out.
      if (target === searchRef.current && state.query.endsWith(code)) state.setQuery(state.query.slice(0, -code.length));
      run('scan', code);
    },
    onKey: (event, inTextField) => {
      if (modalDialogOpen()) return false;
      const state = store.getState();
      const emptySearch = event.target === searchRef.current && state.query === '';
      const press = { key: event.key, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey, inTextField: inTextField && !emptySearch };
      return tillCommands.handleKey(press, context(state)) !== null;
    },
  });
}
