import { describe, expect, it, vi } from 'vitest';
import type { KeyPress } from '../../commands/command-manager';
import type { SellingApi } from '../../api/selling-api';
import { createSellStore } from './sell-store';
import { cart, line } from './test-carts';
import { TILL_COMMANDS, tillCommands, type TillCommandName, type TillContext } from './till-commands';

const noApi: SellingApi = { call: () => Promise.reject(new Error('no calls in this test')), subscribe: () => () => undefined };

function till(lines = [line('a'), line('b', 2000), line('kg', 250, { unit: 'kg' })], api = noApi) {
  const store = createSellStore(api);
  store.getState().cartChanged(cart(lines));
  // A loaded cart selects its last line; these tests start from no selection.
  store.getState().select(null);
  const ui = { searchText: '', focused: 0, modalOpen: false };
  const ctx = (): TillContext => ({
    state: store.getState(),
    searchHasText: ui.searchText !== '',
    modalOpen: ui.modalOpen,
    focusSearch: () => void (ui.focused += 1),
    clearSearch: () => void (ui.searchText = ''),
  });
  const key = (k: string, inTextField = false) =>
    tillCommands.handleKey({ key: k, inTextField, ctrlKey: false, altKey: false, metaKey: false } satisfies KeyPress, ctx())?.name ?? null;
  return { store, ui, ctx, key };
}

/** A till service that answers every scan with the same cart and records the codes. */
function scanningApi() {
  const scanned: string[] = [];
  const api: SellingApi = {
    call: async (name, input) => {
      if (name !== 'cart.scan') throw new Error(`unexpected call ${name}`);
      scanned.push((input as { code: string }).code);
      return { ok: true, value: cart([line('a')], 9) } as never;
    },
    subscribe: () => () => undefined,
  };
  return { api, scanned };
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

  it('switches views through the view commands, which no key of the sale view can reach by accident', () => {
    const t = till();
    expect(tillCommands.canRun('sale', t.ctx())).toBe(false);
    expect(tillCommands.run('history', t.ctx())).toBe(true);
    expect(t.store.getState().view).toBe('history');
    expect(tillCommands.run('history', t.ctx())).toBe(false);
    expect(tillCommands.run('sale', t.ctx())).toBe(true);
    expect(t.store.getState().view).toBe('sell');
    t.store.getState().open({ kind: 'park' });
    expect(tillCommands.run('returns', t.ctx())).toBe(false);
    expect(t.store.getState().view).toBe('sell');
  });

  it('takes a scan only on the sale view with no dialog open, and sends the exact code', async () => {
    const { api, scanned } = scanningApi();
    const t = till([line('a')], api);
    expect(tillCommands.run('scan', t.ctx(), '4006381333931')).toBe(true);
    t.store.getState().open({ kind: 'park' });
    expect(tillCommands.run('scan', t.ctx(), '111')).toBe(false);
    t.store.getState().close();
    t.ui.modalOpen = true;
    expect(tillCommands.run('scan', t.ctx(), '222')).toBe(false);
    t.ui.modalOpen = false;
    t.store.getState().setView('returns');
    expect(tillCommands.run('scan', t.ctx(), '333')).toBe(false);
    await vi.waitFor(() => expect(t.store.getState().cart?.revision).toBe(9));
    expect(scanned).toEqual(['4006381333931']);
  });

  it('does not compile a command the table lacks, or an argument a command does not take', () => {
    // Checked by `tsc` (each line must fail to compile); never run, since a wrong call would act on a store.
    const wrongCalls = (ctx: TillContext) => {
      // @ts-expect-error: no such command
      tillCommands.run('payBitcoin', ctx);
      // @ts-expect-error: a scan needs its code
      tillCommands.run('scan', ctx);
      // @ts-expect-error: paying in cash takes nothing but the context
      tillCommands.run('payCash', ctx, 'extra');
    };
    expect(wrongCalls).toBeTypeOf('function');
    // A name made at run time is still refused.
    expect(() => tillCommands.get('payBitcoin' as TillCommandName)).toThrow(/no command called "payBitcoin"/);
  });
});
