/** How a command is declared: its input schema (checked at run time), result type, minimum role and what it does to the store. */
import { z } from 'zod';
import { CREDENTIAL_KINDS, type CredentialKind } from '../model';
import type { Role } from '../roles';

/** 'public' commands run without a session; the others need a session whose role is at least this. */
export type Access = 'public' | Role;

/**
 * What a command does to the till's store, declared with it so no handler can forget:
 * - 'reads': changes nothing stored; runs at once, beside anything else.
 * - 'writes': changes the store; the dispatcher runs it in the till's one write queue, one at a time, so a check
 *   and the write it guards never interleave with another write (electron/core/services/write-queue.ts).
 * - 'job': starts, feeds or steers background work (an import, a re-upload) whose writes take their own turns in
 *   the queue; the command itself does not hold the queue while the job runs, so the counter is not held up.
 */
export type Effect = 'reads' | 'writes' | 'job';

export interface CommandSpec<I extends z.ZodType, R> {
  input: I;
  access: Access;
  effect: Effect;
  /** A request body larger than this is refused by the browser host before parsing (default 64 KB): file uploads. */
  maxRequestBytes?: number;
  /** Phantom: carries the result type for the client. Never set at run time. */
  readonly result?: R;
}

export function command<R>() {
  return <I extends z.ZodType>(input: I, access: Access, effect: Effect, options: { maxRequestBytes?: number } = {}): CommandSpec<I, R> => ({
    input,
    access,
    effect,
    ...options,
  });
}

export const noInput = z.object({}).strict();
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, 'Username: 2–32 letters, digits, dot, dash or underscore');
export const displayName = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(64, 'Name: at most 64 characters')
  .regex(/^[^\p{Cc}]*$/u, 'Name: no control characters');
/** Ids are made by terminals (shared/ids.ts) or by the demo seeder: letters, digits, dash, underscore. */
export const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');
/** A PIN is 4–8 digits; a password is 8–128 characters. The kind is declared so a 6-digit password can't slip by. */
export const secret = z.string().min(4).max(128);
export const credentialKind = z.enum(CREDENTIAL_KINDS);

export function secretProblem(kind: CredentialKind, value: string): string | null {
  if (kind === 'pin') return /^\d{4,8}$/.test(value) ? null : 'A PIN is 4 to 8 digits';
  return value.length >= 8 && value.length <= 128 ? null : 'A password is 8 to 128 characters';
}

export function secretRule(v: { credentialKind: CredentialKind; secret: string }, ctx: z.RefinementCtx): void {
  const problem = secretProblem(v.credentialKind, v.secret);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['secret'] });
}

