/**
 * A manager approves at the clerk's till by typing their user name and PIN. The check is the login's: the same
 * scrypt verification, the same failure count and lock (local_state `lockout:<userId>`, shared with login, so
 * guessing a manager's PIN through approvals locks the manager exactly as guessing it at login would), and it runs
 * in the same queue as logins so counts cannot interleave.
 */
import type { UserSummary } from '../../../shared/api/commands/auth-commands';
import { TillError } from '../../../shared/api/errors';
import { afterFailure, isLocked, lockedMessage, NO_LOCKOUT, type LockoutState } from '../../../shared/auth/lockout-policy';
import type { UserDoc } from '../../../shared/model';
import { roleAtLeast } from '../../../shared/roles';
import { decoyHash, verifySecret } from '../auth/secret-hash';
import { auditDoc } from '../services/audit-log';
import type { CoreContext } from '../services/core-context';
import { readLocal, writeLocal } from '../services/local-state';
import type { SerialQueue } from '../services/serial-queue';
import { toSummary } from '../services/users-store';

export interface Approval {
  username: string;
  secret: string;
}

/** The key auth-handlers.ts keeps a user's failed attempts under; manager-approval.test.ts checks they agree. */
const lockoutKey = (userId: string) => `lockout:${userId}`;

export interface ApprovalDeps {
  ctx: CoreContext;
  /** The login queue. */
  userWrites: SerialQueue;
}

/**
 * The approving manager, or a TillError: WRONG_CREDENTIALS, LOCKED, or FORBIDDEN when the person is not a manager.
 * `requesterId` is the clerk asking; `purpose` names what is approved (for the audit trail).
 */
export function verifyApproval(deps: ApprovalDeps, approval: Approval, requesterId: string, purpose: string): Promise<UserSummary> {
  const { ctx } = deps;
  return deps.userWrites(async () => {
    const found = await ctx.db.users.findOne({ selector: { username: approval.username } }).exec();
    const user = found && found.active ? (found.toJSON() as UserDoc) : null;
    const refuse = async (lockout: LockoutState | null): Promise<never> => {
      const now = ctx.now();
      const next = user && lockout ? afterFailure(lockout, now) : null;
      const events = [
        auditDoc(ctx, { actorId: requesterId, type: 'approval.failed', subjectId: user?.id ?? '', details: { username: approval.username, purpose } }),
      ];
      if (user && next) {
        await writeLocal(ctx, lockoutKey(user.id), next);
        if (isLocked(next, now)) {
          events.push(auditDoc(ctx, { actorId: '', type: 'auth.locked', subjectId: user.id, details: { username: user.username, failures: next.failures } }));
        }
      }
      await ctx.db.audit_events.bulkInsert(events);
      if (next && isLocked(next, now)) throw new TillError('LOCKED', lockedMessage(next, now));
      throw new TillError('WRONG_CREDENTIALS', 'Wrong manager name or PIN: nothing was approved.');
    };
    if (!user) {
      await verifySecret(approval.secret, await decoyHash());
      return refuse(null);
    }
    const lockout = await readLocal(ctx, lockoutKey(user.id), NO_LOCKOUT);
    if (isLocked(lockout, ctx.now())) throw new TillError('LOCKED', lockedMessage(lockout, ctx.now()));
    if (!(await verifySecret(approval.secret, user.secretHash))) return refuse(lockout);
    if (lockout.failures > 0) await writeLocal(ctx, lockoutKey(user.id), NO_LOCKOUT);
    if (!roleAtLeast(user.role, 'manager')) {
      throw new TillError('FORBIDDEN', `${user.displayName} is not a manager: a manager or admin must approve this.`);
    }
    return toSummary(user);
  });
}
