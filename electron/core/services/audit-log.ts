/** The audit trail: who did what, when, on which terminal. Events are immutable once written. */
import type { AuditEntry } from '../../../shared/api/contract';
import type { AuditEventDoc } from '../../../shared/model';
import type { HandlerMap } from '../api/handler-types';
import { isoNow, type CoreContext } from './core-context';

export interface AuditInput {
  actorId: string;
  type: string;
  subjectId?: string;
  details?: AuditEventDoc['details'];
}

export function auditDoc(ctx: CoreContext, input: AuditInput): AuditEventDoc {
  return {
    id: ctx.newId(),
    terminalId: ctx.terminalId,
    at: isoNow(ctx),
    actorId: input.actorId,
    type: input.type,
    subjectId: input.subjectId ?? '',
    details: input.details ?? {},
  };
}

export async function recordAudit(ctx: CoreContext, input: AuditInput): Promise<void> {
  await ctx.db.audit_events.insert(auditDoc(ctx, input));
}

export async function recentAudit(ctx: CoreContext, limit: number): Promise<AuditEntry[]> {
  const docs = await ctx.db.audit_events.find({ sort: [{ at: 'desc' }], limit }).exec();
  return docs.map((d) => {
    const { id, at, terminalId, actorId, type, subjectId, details } = d.toJSON();
    return { id, at, terminalId, actorId, type, subjectId, details: { ...details } };
  });
}

export function createAuditHandlers(ctx: CoreContext): HandlerMap<'audit.recent'> {
  return { 'audit.recent': (input) => recentAudit(ctx, input.limit) };
}
