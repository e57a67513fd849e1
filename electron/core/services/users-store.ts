/** Reading and writing user documents. Only summaries leave this module's callers; hashes stay in main. */
import type { UserSummary } from '../../../shared/api/contract';
import type { UserDoc } from '../../../shared/model';

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
