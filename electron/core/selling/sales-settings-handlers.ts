/** The sales history (recent receipts, reprints) and the store settings that every sale follows. */
import { sessionOf, type HandlerMap } from '../api/handler-types';
import { publishCart, type SellingContext } from './selling-context';
import { updateSettings } from './store-settings';

type Commands = 'sales.recent' | 'sales.receipt' | 'settings.get' | 'settings.update';

export function createSalesAndSettingsHandlers(s: SellingContext): HandlerMap<Commands> {
  return {
    'sales.recent': (input) => s.receipts.recent(input.limit),
    'sales.receipt': async (input) => s.receipts.receipt(await s.receipts.byNumber(input.number)),

    'settings.get': async () => structuredClone(s.settings.current()),
    /** A writing command (the write queue): a sale being paid finishes under the rules it was priced with. */
    'settings.update': async (input, call) => {
      const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const next = await updateSettings(s.ctx, s.settings.current(), changes, sessionOf(call));
      await s.settings.reload();
      publishCart(s);
      return structuredClone(next);
    },
  };
}
