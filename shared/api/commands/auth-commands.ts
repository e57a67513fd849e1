/** Who is at the till: first-run set-up, login and logout, users, and the audit trail. */
import { z } from 'zod';
import type { CredentialKind } from '../../model';
import { ROLES, type Role } from '../../roles';
import { command, credentialKind, displayName, entityId, noInput, secret, secretRule, username } from '../command-spec';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  credentialKind: CredentialKind;
  active: boolean;
}

/** What managers see in the users list: the summary, plus what only this till knows (its lockout). */
export interface UserListEntry extends UserSummary {
  /** The user must choose a new secret at the next login (after a reset). */
  mustChangeSecret: boolean;
  /** Locked on THIS till until then (ISO time); null when not locked here. Lockouts are per till. */
  lockedUntil: string | null;
}

export interface SessionInfo {
  user: UserSummary;
  terminalId: string;
  startedAt: string;
  /** The user's secret was reset: the core refuses everything but auth.changeSecret and logout until it is chosen. */
  mustChangeSecret: boolean;
}

export interface AuthStatus {
  terminalId: string;
  needsSetup: boolean;
  demo: boolean;
  /** Active users for the login list (no secrets, no hashes). */
  users: UserSummary[];
  session: SessionInfo | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  terminalId: string;
  actorId: string;
  type: string;
  subjectId: string;
  details: Record<string, string | number | boolean>;
}

export const authCommands = {
  'auth.status': command<AuthStatus>()(noInput, 'public', 'reads'),
  'auth.setupFirstAdmin': command<SessionInfo>()(
    z.object({ username, displayName, credentialKind, secret }).strict().superRefine(secretRule),
    'public', 'writes',
  ),
  'auth.login': command<SessionInfo>()(z.object({ username, secret }).strict(), 'public', 'writes'),
  'auth.logout': command<{ loggedOut: true }>()(noInput, 'clerk', 'writes'),
  /** Choose a new PIN or password (the current one, e.g. the temporary one a manager gave, proves who you are). */
  'auth.changeSecret': command<SessionInfo>()(z.object({ current: secret, next: secret }).strict(), 'clerk', 'writes'),
  'users.list': command<UserListEntry[]>()(noInput, 'manager', 'reads'),
  'users.create': command<UserSummary>()(
    z.object({ username, displayName, role: z.enum(ROLES), credentialKind, secret }).strict().superRefine(secretRule),
    'manager', 'writes',
  ),
  'users.setActive': command<UserSummary>()(
    z.object({ userId: entityId, active: z.boolean() }).strict(),
    'manager', 'writes',
  ),
  /** A temporary PIN or password (of the user's kind), to be replaced by the user at the next login. */
  'users.resetSecret': command<UserListEntry>()(z.object({ userId: entityId, secret }).strict(), 'manager', 'writes'),
  /** Clears the user's lockout on this till (lockouts are per till). */
  'users.unlock': command<UserListEntry>()(z.object({ userId: entityId }).strict(), 'manager', 'writes'),
  'audit.recent': command<AuditEntry[]>()(
    z.object({ limit: z.number().int().min(1).max(500) }).strict(),
    'manager', 'reads',
  ),
} as const;

export interface AuthEvents {
  /** This screen's session started, or ended (null): another login on the terminal, logout, deactivation. */
  'session.changed': SessionInfo | null;
}
