/**
 * What each role may do (read from the command map the dispatcher enforces), and the audit trail of every
 * terminal, searched and paged.
 */
import { z } from 'zod';
import type { Role } from '../../roles';
import { command, entityId, noInput, type Access } from '../command-spec';

/** One command: its area ('cart', 'users'…), a readable name, its minimum role and so who may call it. */
export interface PermissionRow {
  command: string;
  area: string;
  label: string;
  minimum: Access;
  allowed: Record<Role, boolean>;
}

/** An audit event with names: who (display name), what, when, on which terminal. */
export interface AuditLogEntry {
  id: string;
  at: string;
  terminalId: string;
  actorId: string;
  /** The actor's display name; '' for events without an actor (a failed login), the id when unknown. */
  actorName: string;
  type: string;
  subjectId: string;
  subjectName: string;
  details: Record<string, string | number | boolean>;
}

export interface AuditPage {
  entries: AuditLogEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: string | null;
}

export const AUDIT_PAGE_MAX = 100;
const isoTime = z.iso.datetime({ message: 'A time is written 2026-03-31T12:00:00.000Z' });
/** A place in the list: the time and id of the last event shown ("at|id"). */
const auditCursor = z.string().regex(/^\d{4}-\d\d-\d\dT[0-9:.]{8,12}Z\|[A-Za-z0-9_-]{1,64}$/, 'Not a place in the list');

export const auditSearchInput = z
  .object({
    actorId: entityId.optional(),
    type: z.string().regex(/^[a-z0-9._-]{1,64}$/, 'An event type is like user.created').optional(),
    terminalId: z.string().regex(/^[A-Z0-9_]{1,24}$/, 'Not a terminal id').optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    before: auditCursor.optional(),
    pageSize: z.number().int().min(1).max(AUDIT_PAGE_MAX),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.from && v.to && Date.parse(v.to) < Date.parse(v.from)) ctx.addIssue({ code: 'custom', message: 'The range ends before it starts', path: ['to'] });
  });
export type AuditSearch = z.output<typeof auditSearchInput>;

export const accessCommands = {
  'permissions.table': command<PermissionRow[]>()(noInput, 'manager', 'reads'),
  'audit.search': command<AuditPage>()(auditSearchInput, 'manager', 'reads'),
} as const;
