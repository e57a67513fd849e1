/**
 * Starts selling on this terminal: the catalog index, stock ledger and settings are loaded, sales a crash left
 * incomplete are completed, and the stored cart is repaired — all before the core answers its first command.
 */
import type { sellingCommands } from '../../../shared/api/commands/selling-commands';
import type { HandlerMap } from '../api/handler-types';
import type { CredentialCheck } from '../auth/credential-check';
import type { CoreContext } from '../services/core-context';
import { createSerialQueue, type SerialQueue } from '../services/serial-queue';
import type { CatalogIndex } from './catalog-index';
import { createCartHandlers } from './cart-handlers';
import { startCatalogFeed } from './catalog-feed';
import { createCatalogSearchHandlers } from './catalog-search-handlers';
import { createCheckoutHandlers } from './checkout';
import { createSimulatedProcessor, type PaymentProcessor } from './payment-processor';
import { ReceiptBook } from './receipts';
import { createReturnHandlers } from './returns';
import { SaleBook } from './sale-book';
import { createSalesAndSettingsHandlers } from './sales-settings-handlers';
import { publishCart, type SellingContext } from './selling-context';
import { startStockLedger } from './stock-ledger';
import { startSettingsFeed, type SettingsFeed } from './store-settings';
import { TerminalCart } from './terminal-cart';

export type SellingCommandName = keyof typeof sellingCommands;

export interface SellingDeps {
  ctx: CoreContext;
  /** Manager approvals use the login's check (and its failure counts). */
  credentials: CredentialCheck;
  /** The card processor; a stand-in for a card network when none is given. */
  processor?: PaymentProcessor;
  /** Asked before money changes hands (checkout, returns): throws when the store requires an open shift and none is. */
  mayTakeMoney?: () => void;
}

export interface Selling {
  handlers: HandlerMap<SellingCommandName>;
  /** The selling queue: shift openings and closes take turns with sales in it. */
  queue: SerialQueue;
  catalog: CatalogIndex;
  settings: SettingsFeed;
  receipts: ReceiptBook;
  /** Resolves once the work of every command answered so far (a sale's payments, stock, audit) is written. */
  settled(): Promise<void>;
  stop(): void;
}

export async function startSelling({ ctx, credentials, processor = createSimulatedProcessor(), mayTakeMoney = () => undefined }: SellingDeps): Promise<Selling> {
  const stops: (() => void)[] = [];
  const queue = createSerialQueue();
  // Work that follows a command's answer runs next in the queue; it catches and logs its own failures.
  const later = (work: () => Promise<void>) => void queue(work);
  try {
    const catalog = await startCatalogFeed(ctx);
    stops.push(catalog.stop);
    const stock = await startStockLedger(ctx);
    stops.push(stock.stop);
    const book = await SaleBook.open(ctx, later);
    const cart = await TerminalCart.open(ctx, async (saleId) => (await ctx.db.sales.findOne(saleId).exec()) !== null, later);
    let selling: SellingContext | null = null;
    const settings = await startSettingsFeed(ctx, () => {
      if (selling) publishCart(selling);
    });
    stops.push(settings.stop);
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
      processor,
      mayTakeMoney,
    };
    const handlers: HandlerMap<SellingCommandName> = {
      ...createCatalogSearchHandlers(selling),
      ...createCartHandlers(selling),
      ...createCheckoutHandlers(selling),
      ...createReturnHandlers(selling),
      ...createSalesAndSettingsHandlers(selling),
    };
    return {
      handlers,
      queue,
      catalog: catalog.index,
      settings,
      receipts: selling.receipts,
      settled: () => queue.idle(),
      stop: () => stops.forEach((stop) => stop()),
    };
  } catch (error) {
    stops.forEach((stop) => stop());
    throw error;
  }
}
