/**
 * The audit trail: who did what, when, on which terminal. The only writer of `audit_events`: every module that has
 * something to prove calls this, so every event gets its id, terminal and time the same way. Events are immutable.
 */
import type { AuditEntry } from '../../../shared/api/contract';
import type { AuditEventDoc } from '../../../shared/model';
import type { KassaDatabase } from '../../../shared/db/collections';
import type { IdFactory } from '../../../shared/ids';
import { searchAudit } from './audit-search';

export interface AuditInput {
  actorId: string;
  type: string;
  subjectId?: string;
  details?: AuditEventDoc['details'];
}

export interface AuditLogDeps {
  db: KassaDatabase;
  terminalId: string;
  now: () => number;
  newId: IdFactory;
}

export class AuditLog {
  constructor(private readonly deps: AuditLogDeps) {}

  /** Records one event, or several together in one commit (all or none). */
  async record(...inputs: AuditInput[]): Promise<void> {
    const docs = inputs.map((input) => this.event(input));
    if (docs.length === 1) {
      await this.deps.db.audit_events.insert(docs[0]!);
      return;
    }
    const { error } = await this.deps.db.audit_events.bulkInsert(docs);
    if (error.length > 0) throw new Error(`${error.length} audit events not written, first ${error[0]!.documentId} (${error[0]!.status})`);
  }

  /**
   * Events whose ids are fixed by what they record (a sale's `<saleId>-A`, made by the sale book): written once,
   * "already there" counts as written. Returns the ids this call wrote.
   */
  async recordOnce(events: readonly AuditEventDoc[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const { success, error } = await this.deps.db.audit_events.bulkInsert([...events]);
    const failed = error.filter((e) => e.status !== 409);
    if (failed.length > 0) throw new Error(`${failed.length} audit events not written, first ${failed[0]!.documentId} (${failed[0]!.status})`);
    return new Set(success.map((doc) => doc.id));
  }

  /** The newest events of every terminal (read through the search, which does not read the whole trail). */
  async recent(limit: number): Promise<AuditEntry[]> {
    const { entries } = await searchAudit(this.deps.db, { pageSize: limit }, this.deps.now());
    return entries.map(({ id, at, terminalId, actorId, type, subjectId, details }) => ({ id, at, terminalId, actorId, type, subjectId, details }));
  }

  private event(input: AuditInput): AuditEventDoc {
    return {
      id: this.deps.newId(),
      terminalId: this.deps.terminalId,
      at: new Date(this.deps.now()).toISOString(),
      actorId: input.actorId,
      type: input.type,
      subjectId: input.subjectId ?? '',
      details: input.details ?? {},
    };
  }
}
