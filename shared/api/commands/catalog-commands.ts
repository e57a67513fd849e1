/** What the catalog holds. */
import { command, noInput } from '../command-spec';

export interface CatalogSummary {
  products: number;
  categories: number;
}

export const catalogCommands = {
  'catalog.summary': command<CatalogSummary>()(noInput, 'clerk', 'reads'),
} as const;

export interface CatalogEvents {
  'catalog.changed': CatalogSummary;
}
