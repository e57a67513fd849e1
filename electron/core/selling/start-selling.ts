/**
 * Starts selling on this terminal: the catalog index, stock ledger and settings are loaded, card requests and sales
 * a crash left incomplete are cancelled or completed, and the stored cart is repaired — all before the core answers
 * its first command. Card payments (electron/core/payments) start here too: checkout and returns take cards.
 */
import type { sellingCommands } from '../../../shared/api/commands/selling-commands';
import type { HandlerMap } from '../api/handler-types';
import type { CredentialCheck } from '../auth/credential-check';
import type { CoreContext } from '../services/core-context';
import type { WriteQueue } from '../services/write-queue';
import { mergeDistinct } from '../../../shared/api/distinct-merge';
import type { CatalogIndex } from './catalog-index';
import { createCartHandlers } from './cart-handlers';
import { startCatalogFeed } from './catalog-feed';
import { createCatalogSearchHandlers } from './catalog-search-handlers';
import { createCheckoutHandlers } from './checkout';
import type { CardProcessor } from '../payments/card-processor';
import type { ReconcilerTiming } from '../payments/reconciler-timing';
import { startPayments, type PaymentsCommandName } from '../payments/start-payments';
import { ReceiptBook } from './receipts';
import { createReturnHandlers } from './returns';
import { SaleBook } from './sale-book';
import { createSalesAndSettingsHandlers } from './sales-settings-handlers';
import { publishCart, type SellingContext } from './selling-context';
import { startStockLedger } from './stock-ledger';
import { startSettingsFeed, type SettingsFeed } from './store-settings';
import { TerminalCart } from './terminal-cart';
import { createStockHandlers, type StockCommandName } from '../stock/stock-handlers';

export type SellingCommandName = keyof typeof sellingCommands;

export interface SellingDeps {
  ctx: CoreContext;
  /** Manager approvals use the login's check (and its failure counts). */
  credentials: CredentialCheck;
  /** The card processor; null when none is set up (cards are then refused). */
  processor: CardProcessor | null;
  paymentTiming?: Partial<ReconcilerTiming>;
  /** Asked before money changes hands (checkout, returns): throws when the store requires an open shift and none is. */
  mayTakeMoney?: () => void;
}

export interface Selling {
  handlers: HandlerMap<SellingCommandName | PaymentsCommandName | StockCommandName>;
  catalog: CatalogIndex;
  settings: SettingsFeed;
  receipts: ReceiptBook;
  stop(): Promise<void>;
}

export async function startSelling({ ctx, credentials, processor, paymentTiming, mayTakeMoney = () => undefined }: SellingDeps): Promise<Selling> {
  const stops: (() => Promise<void> | void)[] = [];
  const queue: WriteQueue = ctx.writes;
  // Work that follows a command's answer runs next in the write queue; it catches and logs its own failures.
  const later = (work: () => Promise<void>) => queue.after(work);
  try {
    const catalog = await startCatalogFeed(ctx);
    stops.push(catalog.stop);
    const stock = await startStockLedger(ctx);
    stops.push(stock.stop);
    let selling: SellingContext | null = null;
    let paymentsChanged = () => undefined as void;
    const settings = await startSettingsFeed(ctx, () => {
      if (selling) publishCart(selling);
      paymentsChanged();
    });
    stops.push(settings.stop);
    const payments = await startPayments({ ctx, processor, settings: settings.current, reloadSettings: settings.reload, ...(paymentTiming ? { timing: paymentTiming } : {}) });
    stops.push(payments.stop);
    paymentsChanged = payments.changed;
    const book = await SaleBook.open(ctx, payments.ledger, later);
    const cart = await TerminalCart.open(ctx, async (saleId) => (await ctx.db.sales.findOne(saleId).exec()) !== null, later);
    selling = {
      ctx,
      credentials,
      queue,
      catalog: catalog.index,
      stock,
      settings,
      cart,
      book,
      receipts: new ReceiptBook(ctx, settings.current),
      cards: payments.cards,
      reader: payments.reader,
      later,
      mayTakeMoney,
    };
    const handlers = mergeDistinct(
      createCatalogSearchHandlers(selling),
      createCartHandlers(selling),
      createCheckoutHandlers(selling),
      createReturnHandlers(selling),
      createSalesAndSettingsHandlers(selling),
      payments.handlers,
      await createStockHandlers(selling),
    );
    return {
      handlers,
      catalog: catalog.index,
      settings,
      receipts: selling.receipts,
      stop: () => stopAll(stops),
    };
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
}

async function stopAll(stops: (() => Promise<void> | void)[]): Promise<void> {
  for (const stop of stops.reverse()) await stop();
}
