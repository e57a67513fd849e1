/** What the selling handlers share: the in-memory catalog, stock and settings, the cart, and the sale writer. */
import type { CartView } from '../../../shared/api/commands/selling-commands';
import { computeTotals } from '../../../shared/sale';
import type { CoreContext } from '../services/core-context';
import type { SerialQueue } from '../services/serial-queue';
import type { CatalogIndex } from './catalog-index';
import { toCartView } from './cart-view';
import type { ApprovalDeps } from './manager-approval';
import type { PaymentProcessor } from './payment-processor';
import type { ReceiptBook } from './receipts';
import type { SaleOutbox } from './sale-outbox';
import type { StockLedger } from './stock-ledger';
import { toSaleSettings, type SettingsFeed } from './store-settings';
import type { TerminalCart } from './terminal-cart';

export interface SellingContext {
  ctx: CoreContext;
  approvals: ApprovalDeps;
  /**
   * Every change to the cart, every checkout and every return runs here, one at a time: a revision check and the
   * write it guards cannot interleave, and receipt numbers are decided by one writer.
   */
  queue: SerialQueue;
  catalog: CatalogIndex;
  stock: StockLedger;
  settings: SettingsFeed;
  cart: TerminalCart;
  outbox: SaleOutbox;
  receipts: ReceiptBook;
  processor: PaymentProcessor;
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
