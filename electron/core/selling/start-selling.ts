/**
 * Starts selling on this terminal: the catalog index, stock ledger and settings are loaded, sales a crash left
 * incomplete are completed, and the stored cart is repaired — all before the core answers its first command.
 */
import type { sellingCommands } from '../../../shared/api/commands/selling-commands';
import type { HandlerMap } from '../api/handler-types';
import type { CoreContext } from '../services/core-context';
import { createSerialQueue, type SerialQueue } from '../services/serial-queue';
import { createCartHandlers } from './cart-handlers';
import { startCatalogFeed } from './catalog-feed';
import { createCatalogSearchHandlers } from './catalog-search-handlers';
import { createCheckoutHandlers } from './checkout';
import { createSimulatedProcessor, type PaymentProcessor } from './payment-processor';
import { ReceiptBook } from './receipts';
import { createReturnHandlers } from './returns';
import { SaleOutbox } from './sale-outbox';
import { createSalesAndSettingsHandlers } from './sales-settings-handlers';
import { publishCart, type SellingContext } from './selling-context';
import { startStockLedger } from './stock-ledger';
import { startSettingsFeed } from './store-settings';
import { TerminalCart } from './terminal-cart';

export type SellingCommandName = keyof typeof sellingCommands;

export interface SellingDeps {
  ctx: CoreContext;
  /** The login queue: manager approvals share its failure counts. */
  userWrites: SerialQueue;
  processor?: PaymentProcessor;
}

export interface Selling {
  handlers: HandlerMap<SellingCommandName>;
  stop(): void;
}

export async function startSelling({ ctx, userWrites, processor = createSimulatedProcessor() }: SellingDeps): Promise<Selling> {
  const stops: (() => void)[] = [];
  try {
    const catalog = await startCatalogFeed(ctx);
    stops.push(catalog.stop);
    const stock = await startStockLedger(ctx);
    stops.push(stock.stop);
    const outbox = new SaleOutbox(ctx);
    await outbox.reconcile();
    const cart = await TerminalCart.open(ctx, async (saleId) => (await ctx.db.sales.findOne(saleId).exec()) !== null);
    let selling: SellingContext | null = null;
    const settings = await startSettingsFeed(ctx, () => {
      if (selling) publishCart(selling);
    });
    stops.push(settings.stop);
    selling = {
      ctx,
      approvals: { ctx, userWrites },
      queue: createSerialQueue(),
      catalog: catalog.index,
      stock,
      settings,
      cart,
      outbox,
      receipts: new ReceiptBook(ctx, settings.current),
      processor,
    };
    const handlers: HandlerMap<SellingCommandName> = {
      ...createCatalogSearchHandlers(selling),
      ...createCartHandlers(selling),
      ...createCheckoutHandlers(selling),
      ...createReturnHandlers(selling),
      ...createSalesAndSettingsHandlers(selling),
    };
    return { handlers, stop: () => stops.forEach((stop) => stop()) };
  } catch (error) {
    stops.forEach((stop) => stop());
    throw error;
  }
}
