/**
 * The one way into the till core: command name → input schema (checked at run time) → result type, plus the
 * minimum role that may call it. Each domain declares its commands in commands/; this merges them. Both hosts
 * (Electron IPC and the browser host) dispatch through this map.
 */
import type { z } from 'zod';
import type { CommandSpec } from './command-spec';
import { mergeDistinct } from './distinct-merge';
import { accessCommands } from './commands/access-commands';
import { authCommands } from './commands/auth-commands';
import { catalogCommands } from './commands/catalog-commands';
import { catalogIoCommands } from './commands/catalog-io-commands';
import { reportsCommands } from './commands/reports-commands';
import { paymentsCommands } from './commands/payments-commands';
import { productsCommands } from './commands/products-commands';
import { sellingCommands } from './commands/selling-commands';
import { shiftsCommands } from './commands/shifts-commands';
import { stockCommands } from './commands/stock-commands';
import { syncCommands } from './commands/sync-commands';

export type { Access, CommandSpec, Effect } from './command-spec';
export { secretProblem } from './command-spec';
export type { AuditEntry, AuthStatus, SessionInfo, UserListEntry, UserSummary } from './commands/auth-commands';
export type * from './commands/access-commands';
export type { CatalogSummary } from './commands/catalog-commands';
export type * from './commands/selling-commands';
export type * from './commands/reports-commands';
export type * from './commands/shifts-commands';
export type { ConnectionCheck, PairingInput, RejectedDocView, RetryResult, SyncStatus } from './commands/sync-commands';
export type * from './commands/payments-commands';
export type * from './commands/catalog-io-commands';
export type { CategoryDetail, ProductDetail, ProductPage, ProductRow } from './commands/products-commands';
export type * from './commands/stock-commands';

export const commands = mergeDistinct(
  authCommands,
  catalogCommands,
  sellingCommands,
  syncCommands,
  reportsCommands,
  shiftsCommands,
  paymentsCommands,
  catalogIoCommands,
  productsCommands,
  stockCommands,
  accessCommands,
);

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandResult<K extends CommandName> = Commands[K] extends CommandSpec<z.ZodType, infer R> ? R : never;

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}
