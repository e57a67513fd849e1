/**
 * The server's guard for one database: the design document holding the `validate_doc_update` function made by
 * shared/sync/doc-rule.ts (the one rule of what a terminal may write; the till runs the same function on what it
 * pulls). Re-run `npm run server:setup` after a schema changes.
 */
import { createHash } from 'node:crypto';
import type { ReplicatedCollection } from '../shared/sync/sync-names';
import { validateConfig, validateSource } from '../shared/sync/doc-rule';

export { couchSchema, validateConfig, validateSource, type ValidateConfig } from '../shared/sync/doc-rule';

export const DESIGN_DOC_ID = '_design/kassa';
/** Bump when the generated function changes in a way the schema hash does not show. */
const GENERATOR_VERSION = 3;

export interface KassaDesignDoc {
  _id: string;
  _rev?: string;
  language: 'javascript';
  validate_doc_update: string;
  kassa: { collection: string; generator: number; hash: string };
}

/** The design document for one database; `kassa.hash` tells set-up whether the server's copy is current. */
export function designDoc(prefix: string, collection: ReplicatedCollection): KassaDesignDoc {
  const source = validateSource(validateConfig(prefix, collection));
  const hash = createHash('sha256').update(`${GENERATOR_VERSION}\n${source}`).digest('hex').slice(0, 32);
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: source, kassa: { collection, generator: GENERATOR_VERSION, hash } };
}
