/**
 * The collections of the till's store, their schemas and migration strategies, and which of them leave the
 * terminal. RxDB's open core allows at most 13 collections in one process: this list is 11.
 *
 * `terminal_status` (the 11th) exists because no other collection has the sync policy it needs: one small document
 * per terminal, rewritten every minute, that only that terminal may write (settings are written by any manager
 * terminal, audit events and sales are final once written, and a shift is final once closed).
 */
import type { MigrationStrategies, RxCollection, RxDatabase, RxJsonSchema } from 'rxdb';
import type * as model from '../model';
import { MIGRATIONS } from './migrations';
import * as schemas from './schemas';

export interface KassaCollections {
  products: RxCollection<model.ProductDoc>;
  categories: RxCollection<model.CategoryDoc>;
  users: RxCollection<model.UserDoc>;
  sales: RxCollection<model.SaleDoc>;
  payments: RxCollection<model.PaymentDoc>;
  stock_movements: RxCollection<model.StockMovementDoc>;
  shifts: RxCollection<model.ShiftDoc>;
  audit_events: RxCollection<model.AuditEventDoc>;
  terminal_status: RxCollection<model.TerminalStatusDoc>;
  settings: RxCollection<model.SettingDoc>;
  local_state: RxCollection<model.LocalStateDoc>;
}
export type CollectionName = keyof KassaCollections;
export type KassaDatabase = RxDatabase<KassaCollections>;

interface CollectionSpec {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: RxJsonSchema<any>;
  /** Keyed by the version being migrated *to*; each takes the old document and returns the new one. */
  migrationStrategies: MigrationStrategies;
  /** Whether the collection replicates to the store's backend (issue: sync) or stays on this terminal. */
  replicated: boolean;
}

export const COLLECTIONS: Record<CollectionName, CollectionSpec> = {
  products: { schema: schemas.productSchema, migrationStrategies: { ...MIGRATIONS.products }, replicated: true },
  categories: { schema: schemas.categorySchema, migrationStrategies: {}, replicated: true },
  users: { schema: schemas.userSchema, migrationStrategies: { ...MIGRATIONS.users }, replicated: true },
  sales: { schema: schemas.saleSchema, migrationStrategies: { ...MIGRATIONS.sales }, replicated: true },
  payments: { schema: schemas.paymentSchema, migrationStrategies: { ...MIGRATIONS.payments }, replicated: true },
  stock_movements: { schema: schemas.stockMovementSchema, migrationStrategies: { ...MIGRATIONS.stock_movements }, replicated: true },
  shifts: { schema: schemas.shiftSchema, migrationStrategies: { ...MIGRATIONS.shifts }, replicated: true },
  audit_events: { schema: schemas.auditEventSchema, migrationStrategies: {}, replicated: true },
  terminal_status: { schema: schemas.terminalStatusSchema, migrationStrategies: {}, replicated: true },
  settings: { schema: schemas.settingSchema, migrationStrategies: {}, replicated: true },
  local_state: { schema: schemas.localStateSchema, migrationStrategies: {}, replicated: false },
};
