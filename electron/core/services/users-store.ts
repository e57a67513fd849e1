/**
 * Writing user documents (the demo seed aside, the only writer of `users`) and reading them. Only summaries leave
 * this module's callers; hashes never leave the core.
 */
import type { RxDocument } from 'rxdb';
import type { UserListEntry, UserSummary } from '../../../shared/api/contract';
import type { CredentialKind, UserDoc } from '../../../shared/model';
import type { Role } from '../../../shared/roles';
import { hashSecret } from '../auth/secret-hash';
import { isoNow, type CoreContext } from './core-context';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  credentialKind: CredentialKind;
  secret: string;
}

/** Hashes the secret and writes the user; the caller has checked the username is free. */
export async function insertUser(ctx: CoreContext, input: NewUser): Promise<UserDoc> {
  const at = isoNow(ctx);
  const user: UserDoc = {
    id: ctx.newId(),
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    credentialKind: input.credentialKind,
    secretHash: await hashSecret(input.secret),
    mustChangeSecret: false,
    active: true,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.db.users.insert(user);
  return user;
}

/** Activates or deactivates a user; the caller has checked who may. */
export async function setUserActive(ctx: CoreContext, doc: RxDocument<UserDoc>, active: boolean): Promise<UserDoc> {
  const updated = await doc.incrementalPatch({ active, updatedAt: isoNow(ctx) });
  return updated.toJSON() as UserDoc;
}

/**
 * A new PIN or password: after a reset (`mustChange`: the user must choose their own at the next login) or the
 * user's own choice. The caller has checked who may and the secret's strength.
 */
export async function replaceSecret(ctx: CoreContext, doc: RxDocument<UserDoc>, secret: string, mustChange: boolean): Promise<UserDoc> {
  const updated = await doc.incrementalPatch({ secretHash: await hashSecret(secret), mustChangeSecret: mustChange, updatedAt: isoNow(ctx) });
  return updated.toJSON() as UserDoc;
}

/** The managers' view of a user; `lockedUntil` (epoch ms) is this till's lockout, if any. */
export function toListEntry(user: UserDoc, lockedUntil: number | undefined): UserListEntry {
  return { ...toSummary(user), mustChangeSecret: user.mustChangeSecret, lockedUntil: lockedUntil ? new Date(lockedUntil).toISOString() : null };
}

export function toSummary(user: UserDoc): UserSummary {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    credentialKind: user.credentialKind,
    active: user.active,
  };
}

export function compareUsers(a: UserSummary, b: UserSummary): number {
  return a.displayName.localeCompare(b.displayName) || a.username.localeCompare(b.username);
}
