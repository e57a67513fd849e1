/** What the selling handlers share: the in-memory catalog, stock and settings, the cart, and the sale book. */
import type { CartView } from '../../../shared/api/commands/selling-commands';
import { computeTotals } from '../../../shared/sale';
import type { CredentialCheck } from '../auth/credential-check';
import type { CoreContext } from '../services/core-context';
import type { WriteQueue } from '../services/write-queue';
import type { CatalogIndex } from './catalog-index';
import { toCartView } from './cart-view';
import type { CardPayments } from '../payments/card-payments';
import type { CardReader } from '../payments/card-reader';
import type { ReceiptBook } from './receipts';
import type { SaleBook } from './sale-book';
import type { StockLedger } from './stock-ledger';
import { toSaleSettings, type SettingsFeed } from './store-settings';
import type { TerminalCart } from './terminal-cart';

export interface SellingContext {
  ctx: CoreContext;
  /** Manager approvals at the clerk's till: the login's own credential check. */
  credentials: CredentialCheck;
  /**
   * The till's write queue (ctx.writes): every change to the cart, every checkout and every return runs in it, one
   * at a time, because their commands are declared as writing. A revision check and the write it guards cannot
   * interleave, and receipt numbers are decided by one writer.
   */
  queue: WriteQueue;
  catalog: CatalogIndex;
  stock: StockLedger;
  settings: SettingsFeed;
  cart: TerminalCart;
  book: SaleBook;
  receipts: ReceiptBook;
  /** Taking (and cancelling) card payments. */
  cards: CardPayments;
  reader: CardReader;
  /** Runs work after the current command has answered, before the next one (the write queue). */
  later: (work: () => Promise<void>) => void;
  /** Throws (NO_OPEN_SHIFT) when the store sells only during an open shift and none is open here. */
  mayTakeMoney: () => void;
}

export function currentCartView(s: SellingContext): CartView {
  const settings = s.settings.current();
  const totals = computeTotals(s.cart.state.cart, toSaleSettings(settings));
  return toCartView(s.cart.state, totals, { warn: settings.warnOnNegativeStock, onHand: s.stock.onHand });
}

/** The cart as it is now, pushed to the selling screen and every customer display. */
export function publishCart(s: SellingContext): CartView {
  const view = currentCartView(s);
  s.ctx.push({ channelId: null, message: { event: 'cart.changed', payload: view } });
  return view;
}

/**
 * Every command that changes the cart goes through here (they are declared as writing, so they run in the write
 * queue): once its work is done (written) the new cart is pushed to every screen. A command that fails changes
 * nothing and pushes nothing.
 */
export async function mutateCart<T>(s: SellingContext, work: () => Promise<T>): Promise<T> {
  s.queue.assertHeld('A change of the cart');
  const result = await work();
  publishCart(s);
  return result;
}
