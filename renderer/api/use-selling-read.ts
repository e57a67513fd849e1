/** "Load this once, reload on demand" for selling commands that only read (categories, quick keys, history). */
import type { SellingApi, SellingCommandName, SellingInput, SellingResult } from './selling-api';
import { useRead, type CommandRead } from './use-api';

/** Like useCommand, through a `SellingApi` (screens take one, so tests hand in a fake). */
export function useSellingRead<K extends SellingCommandName>(api: SellingApi, name: K, input: SellingInput<K>): CommandRead<SellingResult<K>> {
  return useRead((i: SellingInput<K>) => api.call(name, i), name, input);
}
