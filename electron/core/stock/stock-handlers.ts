/** The back office's stock commands: on hand, adjustments, the low-stock list and this till's stocktake. */
import type { stockCommands } from '../../../shared/api/commands/stock-commands';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import type { SellingContext } from '../selling/selling-context';
import { adjustStock } from './stock-adjustments';
import { listStock, lowStock } from './stock-rows';
import { Stocktakes } from './stocktakes';

export type StockCommandName = keyof typeof stockCommands;

/** Opening finishes a stocktake post a crash interrupted, before the first command is served. */
export async function createStockHandlers(s: SellingContext): Promise<HandlerMap<StockCommandName>> {
  const stocktakes = await Stocktakes.open(s);
  return {
    'stock.list': async (input) => listStock(s, input),
    'stock.adjust': (input, call) => adjustStock(s, input, sessionOf(call)),
    'stock.low': async (input) => lowStock(s, input),
    'stocktake.start': (input, call) => stocktakes.start(input.categoryId, sessionOf(call)),
    'stocktake.get': (input) => stocktakes.get(input),
    'stocktake.count': (input) => stocktakes.count(input.stocktakeId, input.productId, input.countedMilli),
    'stocktake.post': (input, call) => stocktakes.post(input.stocktakeId, sessionOf(call)),
    'stocktake.cancel': (input, call) => stocktakes.cancel(input.stocktakeId, sessionOf(call)),
  };
}
