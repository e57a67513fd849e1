/**
 * Names shared by the till and the backend set-up: one CouchDB database per replicated collection, named
 * `<prefix><collection>`, and per-store roles and terminal accounts derived from the same prefix, so several
 * stores can share one CouchDB without reaching each other's data.
 */
import { TERMINAL_ID_PATTERN } from '../ids';
import { COLLECTIONS, type CollectionName } from '../db/collections';

export const DEFAULT_DB_PREFIX = 'kassa_';
/** CouchDB database names start with a lower-case letter; the collection name is appended to the prefix. */
export const DB_PREFIX_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export type ReplicatedCollection = Exclude<CollectionName, 'local_state'>;

export const REPLICATED_COLLECTIONS = (Object.keys(COLLECTIONS) as CollectionName[]).filter(
  (name): name is ReplicatedCollection => COLLECTIONS[name].replicated,
);

export function assertDbPrefix(prefix: string): void {
  if (!DB_PREFIX_PATTERN.test(prefix)) {
    throw new Error(`Database prefix "${prefix}" must start with a-z and hold only a-z, 0-9 and _ (at most 40), e.g. kassa_ or shop2_`);
  }
}

export function databaseName(prefix: string, collection: ReplicatedCollection): string {
  return `${prefix}${collection}`;
}

/** Every terminal of the store has this role; the store's databases admit it as a member. */
export function terminalRole(prefix: string): string {
  return `${prefix}terminal`;
}

/** Terminals that may also write the catalog, users and settings (a back-office or manager till). */
export function managerTerminalRole(prefix: string): string {
  return `${prefix}manager_terminal`;
}

/** A terminal's CouchDB account: the prefix plus its terminal id, so documents can be checked against it. */
export function terminalUserName(prefix: string, terminalId: string): string {
  if (!TERMINAL_ID_PATTERN.test(terminalId)) throw new Error(`Terminal id "${terminalId}" must be 1–24 capital letters, digits or underscores`);
  return `${prefix}${terminalId}`;
}
