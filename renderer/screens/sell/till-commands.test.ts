import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../../commands/command-manager';
import type { SellingApi } from '../../api/selling-api';
import { createSellStore } from './sell-store';
import { cart, line } from './test-carts';
import { TILL_COMMANDS, tillCommands, type TillContext } from './till-commands';

const noApi: SellingApi = { call: () => Promise.reject(new Error('no calls in this test')), subscribe: () => () => undefined };

function till(lines = [line('a'), line('b', 2000), line('kg', 250, { unit: 'kg' })]) {
  const store = createSellStore(noApi);
  store.getState().cartChanged(cart(lines));
  // A loaded cart selects its last line; these tests start from no selection.
  store.getState().select(null);
  const ui = { searchText: '', focused: 0 };
  const ctx = (): TillContext => ({
    state: store.getState(),
    searchHasText: ui.searchText !== '',
    focusSearch: () => void (ui.focused += 1),
    clearSearch: () => void (ui.searchText = ''),
  });
  const key = (k: string, inTextField = false) =>
    tillCommands.handleKey({ key: k, inTextField, ctrlKey: false, altKey: false, metaKey: false } satisfies KeyPress, ctx())?.name ?? null;
  return { store, ui, ctx, key };
}

describe('the till command table', () => {
  it('gives every command a label, and every shortcut a hint the screen can show', () => {
    for (const c of TILL_COMMANDS) {
      expect(c.label.length, c.name).toBeGreaterThan(0);
      if (c.shortcut) expect(c.shortcut.hint.length, c.name).toBeGreaterThan(0);
    }
    expect(tillCommands.get('payCash').shortcut?.hint).toBe('F2');
    expect(tillCommands.get('search').shortcut?.hint).toBe('F1 or /');
    expect(tillCommands.get('clearSale').shortcut).toBeNull();
  });

  it('opens checkout, park, discount and split from the function keys', () => {
    const t = till();
    expect(t.key('F2')).toBe('payCash');
    expect(t.store.getState().dialog).toEqual({ kind: 'checkout', mode: 'cash' });
    // With a dialog open the selling keys rest: the dialog has the keyboard.
    expect(t.key('F3')).toBeNull();
    t.store.getState().close();
    expect(t.key('F3')).toBe('payCard');
    t.store.getState().close();
    expect(t.key('F5')).toBe('paySplit');
    t.store.getState().close();
    expect(t.key('F4')).toBe('park');
    t.store.getState().close();
    t.store.getState().select('b');
    expect(t.key('F7')).toBe('discount');
    expect(t.store.getState().dialog).toEqual({ kind: 'discount', lineId: 'b' });
  });

  it('pays and parks only when the cart has lines; resumes only onto an empty cart', () => {
    const empty = till([]);
    expect(empty.key('F2')).toBeNull();
    expect(empty.key('F4')).toBeNull();
    expect(empty.key('F6')).toBe('resume');
    expect(till().key('F6')).toBeNull();
  });

  it('moves through lines with the arrows and edits the selected one', () => {
    const t = till();
    expect(t.key('Delete')).toBeNull();
    expect(t.key('ArrowDown')).toBe('nextLine');
    expect(t.store.getState().selectedLineId).toBe('a');
    expect(t.key('-')).toBeNull();
    expect(t.key('ArrowDown')).toBe('nextLine');
    expect(tillCommands.canRun('decrease', t.ctx())).toBe(true);
    expect(t.key('ArrowDown')).toBe('nextLine');
    expect(t.store.getState().selectedLineId).toBe('kg');
    // Weighed items are not stepped by one: their quantity is typed.
    expect(t.key('+')).toBeNull();
    expect(t.key('*')).toBe('quantity');
    expect(t.store.getState().dialog).toEqual({ kind: 'quantity', lineId: 'kg' });
  });

  it('keeps printable keys and Delete for the text field that has focus', () => {
    const t = till();
    t.store.getState().select('a');
    expect(t.key('Delete', true)).toBeNull();
    expect(t.key('/', true)).toBeNull();
    expect(t.key('F1', true)).toBe('search');
    expect(t.ui.focused).toBe(1);
  });

  it('steps back with Esc: search text, then selection, then other views', () => {
    const t = till();
    t.ui.searchText = 'milk';
    t.store.getState().select('a');
    expect(t.key('Escape')).toBe('cancel');
    expect(t.ui.searchText).toBe('');
    expect(t.store.getState().selectedLineId).toBe('a');
    expect(t.key('Escape')).toBe('cancel');
    expect(t.store.getState().selectedLineId).toBeNull();
    expect(t.key('Escape')).toBeNull();
    expect(t.key('F8')).toBe('returns');
    expect(t.key('F2')).toBeNull();
    expect(t.key('F8')).toBeNull();
    expect(t.key('F9')).toBe('history');
    expect(t.key('F8')).toBe('returns');
    expect(t.key('Escape')).toBe('cancel');
    expect(t.store.getState().view).toBe('sell');
  });
});
