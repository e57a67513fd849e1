/**
 * The one conflict rule. Two versions of a document meet when a terminal uploads a change and finds the server
 * holding a version it had not seen. Every terminal decides with the same pure function of the two versions,
 * so all of them end up with the same document; no clock is read, so a terminal whose clock is wrong cannot win
 * by it. The losing version is written to the audit log by the terminal that decided (see sync-engine.ts).
 *
 * Shared documents (catalog, users, settings): the version with more edits wins (`edits` counts the edits a
 * version has seen: each local edit stores the edited version's count + 1). Equal counts: the version whose
 * canonical JSON sorts last wins — arbitrary, but the same answer everywhere.
 * Immutable documents: the server's (first uploaded) version stays. Owned documents: the uploading terminal's,
 * because the server lets only the owning terminal write them (server/validate-doc.ts) — unless the document has
 * a life (a payment's status) and the server's version is further along it: an upload can carry an older version
 * of the terminal's own document than the server already holds, and a payment never goes back.
 */
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';
import { SYNC_POLICIES, type SyncPolicy } from '../../../shared/sync/sync-policy';

export type ConflictReason = 'equal' | 'more_edits' | 'tiebreak' | 'first_written' | 'owner' | 'further_along';

export interface ConflictDecision {
  winner: 'local' | 'server';
  reason: ConflictReason;
}

type AnyDoc = Record<string, unknown>;

const BOOKKEEPING = new Set(['_meta', '_rev', '_attachments']);

/** JSON with object keys sorted at every level and RxDB's bookkeeping fields left out. */
export function canonicalJson(value: unknown, top = true): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, false)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as AnyDoc)
      .filter(([key, v]) => v !== undefined && !(top && BOOKKEEPING.has(key)))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, false)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function editsOf(doc: AnyDoc): number {
  const edits = doc.edits;
  return typeof edits === 'number' && Number.isSafeInteger(edits) && edits > 0 ? edits : 0;
}

export function sameContent(a: AnyDoc, b: AnyDoc): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function decideConflict(policy: SyncPolicy, local: AnyDoc, server: AnyDoc): ConflictDecision {
  if (sameContent(local, server)) return { winner: 'server', reason: 'equal' };
  switch (policy.kind) {
    case 'immutable':
      return { winner: 'server', reason: 'first_written' };
    case 'owned': {
      const life = policy.lifecycle;
      const [l, s] = life ? [String(local[life.field]), String(server[life.field])] : ['', ''];
      if (life && l !== s && (life.transitions[l] ?? []).includes(s)) return { winner: 'server', reason: 'further_along' };
      return { winner: 'local', reason: 'owner' };
    }
    case 'shared': {
      const l = editsOf(local);
      const s = editsOf(server);
      if (l !== s) return { winner: l > s ? 'local' : 'server', reason: 'more_edits' };
      return { winner: canonicalJson(local) > canonicalJson(server) ? 'local' : 'server', reason: 'tiebreak' };
    }
  }
}

/** RxDB's hook into the rule: `resolve` returns the winning version, which RxDB stores and uploads. */
export function createConflictHandler<T>(policy: SyncPolicy): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => deepEqual(a, b),
    resolve: async (input) => {
      const decision = decideConflict(policy, input.newDocumentState as AnyDoc, input.realMasterState as AnyDoc);
      return decision.winner === 'local' ? input.newDocumentState : (input.realMasterState as WithDeleted<T>);
    },
  };
}

/** The handler for a collection of the store: the rule for replicated ones, RxDB's default for local ones. */
export function syncConflictHandler(collection: string): RxConflictHandler<unknown> | undefined {
  const policy = (SYNC_POLICIES as Record<string, SyncPolicy | undefined>)[collection];
  return policy ? createConflictHandler(policy) : undefined;
}
