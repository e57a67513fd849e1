/**
 * THE table of till commands: what a clerk can do on the selling screen, its shortcut, and when it may run.
 * Buttons, touch, the keyboard and the barcode scanner all go through `tillCommands.run` / `handleKey`, so a
 * disabled button, an ignored key and an ignored scan always agree. Destructive "Clear sale" has no single-key
 * shortcut on purpose.
 */
import { createCommandManager, shortcut, type CommandArgs, type CommandName, type PlainCommandName, type TillCommand } from '../../commands/command-manager';
import { selectedLine } from './cart-selection';
import type { SellState, TillView } from './sell-store';

export interface TillContext {
  state: SellState;
  searchHasText: boolean;
  /** A modal dialog outside this store (sync, a receipt from the history) has the keyboard and the scanner. */
  modalOpen: boolean;
  focusSearch(): void;
  clearSearch(): void;
}

/** The context the screen hands to commands: the store's state plus what lives in the DOM (search box, dialogs). */
export function tillContext(state: SellState, focusSearch: () => void, modalOpen: boolean): TillContext {
  return { state, searchHasText: state.query !== '', modalOpen, focusSearch, clearSearch: () => state.setQuery('') };
}

const selling = ({ state }: TillContext) => state.view === 'sell' && state.dialog === null;
const hasLines = (ctx: TillContext) => selling(ctx) && (ctx.state.cart?.lines.length ?? 0) > 0;
const lineSelected = (ctx: TillContext) => selling(ctx) && selectedLine(ctx.state.cart, ctx.state.selectedLineId) !== null;
const pieceLine = (ctx: TillContext) => {
  const line = selectedLine(ctx.state.cart, ctx.state.selectedLineId);
  return selling(ctx) && line?.unit === 'piece' ? line : null;
};
const showsView = (view: TillView) => ({ state }: TillContext) => state.dialog === null && state.view !== view;

export const TILL_COMMANDS = [
  { name: 'search', label: 'Search', shortcut: shortcut('F1', '/'), predicate: selling, perform: (c) => c.focusSearch() },
  { name: 'payCash', label: 'Cash', shortcut: shortcut('F2'), predicate: hasLines, perform: (c) => c.state.open({ kind: 'checkout', mode: 'cash' }) },
  { name: 'payCard', label: 'Card', shortcut: shortcut('F3'), predicate: hasLines, perform: (c) => c.state.open({ kind: 'checkout', mode: 'card' }) },
  { name: 'park', label: 'Park', shortcut: shortcut('F4'), predicate: hasLines, perform: (c) => c.state.open({ kind: 'park' }) },
  { name: 'paySplit', label: 'Split payment', shortcut: shortcut('F5'), predicate: hasLines, perform: (c) => c.state.open({ kind: 'checkout', mode: 'split' }) },
  {
    name: 'resume',
    label: 'Parked carts',
    shortcut: shortcut('F6'),
    // Resuming replaces the cart on the till: only onto an empty one.
    predicate: (c) => selling(c) && (c.state.cart?.lines.length ?? 0) === 0,
    perform: (c) => c.state.open({ kind: 'parked' }),
  },
  {
    name: 'discount',
    label: 'Discount',
    shortcut: shortcut('F7'),
    predicate: hasLines,
    perform: (c) => c.state.open({ kind: 'discount', lineId: selectedLine(c.state.cart, c.state.selectedLineId)?.lineId ?? null }),
  },
  // The sale view has no key of its own: Esc ("Back") leads there from the other views.
  { name: 'sale', label: 'Sale', shortcut: null, predicate: showsView('sell'), perform: (c) => c.state.setView('sell') },
  { name: 'returns', label: 'Returns', shortcut: shortcut('F8'), predicate: showsView('returns'), perform: (c) => c.state.setView('returns') },
  { name: 'history', label: 'Sales history', shortcut: shortcut('F9'), predicate: showsView('history'), perform: (c) => c.state.setView('history') },
  { name: 'shift', label: 'Shift', shortcut: shortcut('F10'), predicate: showsView('shift'), perform: (c) => c.state.setView('shift') },
  {
    name: 'quantity',
    label: 'Quantity',
    shortcut: shortcut('*'),
    predicate: lineSelected,
    perform: (c) => c.state.open({ kind: 'quantity', lineId: c.state.selectedLineId! }),
  },
  { name: 'increase', label: 'One more', shortcut: shortcut('+'), predicate: (c) => pieceLine(c) !== null, perform: (c) => void c.state.stepQuantity(1) },
  {
    name: 'decrease',
    label: 'One less',
    shortcut: shortcut('-'),
    predicate: (c) => (pieceLine(c)?.qtyMilli ?? 0) > 1000,
    perform: (c) => void c.state.stepQuantity(-1),
  },
  { name: 'removeLine', label: 'Remove line', shortcut: shortcut('Delete'), predicate: lineSelected, perform: (c) => void c.state.removeSelected() },
  { name: 'previousLine', label: 'Previous line', shortcut: shortcut('ArrowUp'), predicate: hasLines, perform: (c) => c.state.moveSelection(-1) },
  { name: 'nextLine', label: 'Next line', shortcut: shortcut('ArrowDown'), predicate: hasLines, perform: (c) => c.state.moveSelection(1) },
  {
    name: 'scan',
    label: 'Scan',
    // A scan arrives as the code a scanner typed (or a clerk typed and confirmed), never as one key.
    shortcut: null,
    predicate: (c) => selling(c) && !c.modalOpen,
    perform: (c, code: string) => void c.state.scan(code),
  },
  { name: 'clearSale', label: 'Clear sale', shortcut: null, predicate: hasLines, perform: (c) => c.state.open({ kind: 'clear' }) },
  {
    name: 'cancel',
    label: 'Back',
    shortcut: shortcut('Escape'),
    // Open dialogs close themselves on Esc; here Esc steps back: other view → sale, search text → empty, selection → none.
    predicate: ({ state, searchHasText }) =>
      state.dialog === null && (state.view !== 'sell' || searchHasText || state.selectedLineId !== null),
    perform: (c) => {
      if (c.state.view !== 'sell') c.state.setView('sell');
      else if (c.searchHasText) c.clearSearch();
      else c.state.select(null);
    },
  },
] as const satisfies readonly TillCommand<TillContext, any>[];

export const tillCommands = createCommandManager(TILL_COMMANDS);
export type TillCommandName = CommandName<typeof TILL_COMMANDS>;
export type TillCommandArgs<N extends TillCommandName> = CommandArgs<typeof TILL_COMMANDS, N>;
/** Commands a button runs: all but those that need an argument (the scan needs its code). */
export type TillButtonCommand = PlainCommandName<typeof TILL_COMMANDS>;

/** The till's views, each shown by its command; the keycap is that command's key, or Back's for the sale. */
export const VIEW_COMMANDS = [
  { view: 'sell', command: 'sale', keyFrom: 'cancel' },
  { view: 'returns', command: 'returns', keyFrom: 'returns' },
  { view: 'history', command: 'history', keyFrom: 'history' },
  { view: 'shift', command: 'shift', keyFrom: 'shift' },
] as const satisfies readonly { view: TillView; command: TillButtonCommand; keyFrom: TillCommandName }[];
