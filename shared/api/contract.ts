/**
 * The one way into the till core: command name → input schema (checked at run time) → result type, plus the
 * minimum role that may call it. Both hosts (Electron IPC and the browser host) dispatch through this map.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { CREDENTIAL_KINDS, type CredentialKind } from '../model';

/** 'public' commands run without a session; the others need a session whose role is at least this. */
export type Access = 'public' | Role;

export interface CommandSpec<I extends z.ZodType, R> {
  input: I;
  access: Access;
  /** Phantom: carries the result type for the client. Never set at run time. */
  readonly result?: R;
}

function command<R>() {
  return <I extends z.ZodType>(input: I, access: Access): CommandSpec<I, R> => ({ input, access });
}

const noInput = z.object({}).strict();
const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, 'Username: 2–32 letters, digits, dot, dash or underscore');
const displayName = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(64, 'Name: at most 64 characters')
  .regex(/^[^\p{Cc}]*$/u, 'Name: no control characters');
/** Ids are made by terminals (shared/ids.ts) or by the demo seeder: letters, digits, dash, underscore. */
const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');
/** A PIN is 4–8 digits; a password is 8–128 characters. The kind is declared so a 6-digit password can't slip by. */
const secret = z.string().min(4).max(128);
const credentialKind = z.enum(CREDENTIAL_KINDS);

export function secretProblem(kind: CredentialKind, value: string): string | null {
  if (kind === 'pin') return /^\d{4,8}$/.test(value) ? null : 'A PIN is 4 to 8 digits';
  return value.length >= 8 && value.length <= 128 ? null : 'A password is 8 to 128 characters';
}

function secretRule(v: { credentialKind: CredentialKind; secret: string }, ctx: z.RefinementCtx): void {
  const problem = secretProblem(v.credentialKind, v.secret);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['secret'] });
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  credentialKind: CredentialKind;
  active: boolean;
}

export interface SessionInfo {
  user: UserSummary;
  terminalId: string;
  startedAt: string;
}

export interface AuthStatus {
  terminalId: string;
  needsSetup: boolean;
  demo: boolean;
  /** Active users for the login list (no secrets, no hashes). */
  users: UserSummary[];
  session: SessionInfo | null;
}

export interface CatalogSummary {
  products: number;
  categories: number;
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

export const commands = {
  'auth.status': command<AuthStatus>()(noInput, 'public'),
  'auth.setupFirstAdmin': command<SessionInfo>()(
    z.object({ username, displayName, credentialKind, secret }).strict().superRefine(secretRule),
    'public',
  ),
  'auth.login': command<SessionInfo>()(z.object({ username, secret }).strict(), 'public'),
  'auth.logout': command<{ loggedOut: true }>()(noInput, 'clerk'),
  'users.list': command<UserSummary[]>()(noInput, 'manager'),
  'users.create': command<UserSummary>()(
    z.object({ username, displayName, role: z.enum(ROLES), credentialKind, secret }).strict().superRefine(secretRule),
    'manager',
  ),
  'users.setActive': command<UserSummary>()(
    z.object({ userId: entityId, active: z.boolean() }).strict(),
    'manager',
  ),
  'catalog.summary': command<CatalogSummary>()(noInput, 'clerk'),
  'audit.recent': command<AuditEntry[]>()(
    z.object({ limit: z.number().int().min(1).max(500) }).strict(),
    'manager',
  ),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandResult<K extends CommandName> = Commands[K] extends CommandSpec<z.ZodType, infer R> ? R : never;

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}
