/**
 * The one check of a user's PIN or password, with its lockout and its audit: logging in and a manager approving
 * at a clerk's till both come here, so guessing a manager's PIN through approvals locks the manager exactly as
 * guessing it at login would, and both leave the same trail. Checks run one at a time (in the till's write queue), so
 * failure counts cannot interleave.
 */
import type { UserSummary } from '../../../shared/api/commands/auth-commands';
import { TillError } from '../../../shared/api/errors';
import { afterFailure, isLocked, lockedMessage, MAX_FAILED_ATTEMPTS, NO_LOCKOUT, type LockoutState } from '../../../shared/auth/lockout-policy';
import type { UserDoc } from '../../../shared/model';
import { roleAtLeast } from '../../../shared/roles';
import type { CoreContext } from '../services/core-context';
import { LocalRecord, readLocalPrefix } from '../services/local-state';
import { toSummary } from '../services/users-store';
import { decoyHash, verifySecret } from './secret-hash';

export interface CredentialAttempt {
  username: string;
  secret: string;
}

/** Why a credential is being checked: names the audit events and the message for a wrong one. */
interface CheckPurpose {
  /** A wrong user name or secret. */
  failedEvent: string;
  /** Any attempt on a user who is locked. */
  refusedLockedEvent: string;
  /** Who is asking: '' at login (nobody yet), the clerk for an approval. */
  actorId: string;
  details: Record<string, string>;
  wrongMessage: string;
}

/** Kept per user in this terminal's local state; never replicated (each till counts its own attempts). */
const LOCKOUT_PREFIX = 'lockout:';
const lockoutRecord = (ctx: CoreContext, userId: string) => new LocalRecord<LockoutState>(ctx, `${LOCKOUT_PREFIX}${userId}`);

export class CredentialCheck {
  constructor(private readonly ctx: CoreContext) {}

  /** Logging in: the user, or WRONG_CREDENTIALS (saying how many attempts are left) or LOCKED. */
  login(attempt: CredentialAttempt): Promise<UserDoc> {
    return this.check(attempt, {
      failedEvent: 'auth.login_failed',
      refusedLockedEvent: 'auth.login_refused_locked',
      actorId: '',
      details: {},
      wrongMessage: 'Wrong user name, PIN or password.',
    });
  }

  /**
   * A manager approving what a clerk asked for (`purpose`, e.g. 'discount', for the audit trail): the approving
   * manager, or WRONG_CREDENTIALS, LOCKED, or FORBIDDEN when the person is not a manager.
   */
  async approveAsManager(attempt: CredentialAttempt, requesterId: string, purpose: string): Promise<UserSummary> {
    const user = await this.check(attempt, {
      failedEvent: 'approval.failed',
      refusedLockedEvent: 'approval.refused_locked',
      actorId: requesterId,
      details: { purpose },
      wrongMessage: 'Wrong manager name or PIN: nothing was approved.',
    });
    if (!roleAtLeast(user.role, 'manager')) {
      throw new TillError('FORBIDDEN', `${user.displayName} is not a manager: a manager or admin must approve this.`);
    }
    return toSummary(user);
  }

  /**
   * A logged-in user proving their current secret before choosing a new one: counts towards the same lockout.
   * Returns the user's document as checked (its hash tells the caller whether it changed since).
   */
  confirmOwnSecret(user: UserSummary, secret: string): Promise<UserDoc> {
    return this.check({ username: user.username, secret }, {
      failedEvent: 'auth.change_secret_failed',
      refusedLockedEvent: 'auth.change_secret_refused_locked',
      actorId: user.id,
      details: {},
      wrongMessage: 'That is not your current PIN or password: nothing was changed.',
    });
  }

  /** Clears the user's lockout on this till; true when they were locked here (wrong attempts alone are forgotten too). */
  unlock(userId: string): Promise<boolean> {
    return this.ctx.writes(async () => {
      const lockout = lockoutRecord(this.ctx, userId);
      const state = await lockout.read();
      if (!state) return false;
      await lockout.remove();
      return isLocked(state, this.ctx.now());
    });
  }

  /** Who is locked on this till now, and until when (epoch ms). */
  async lockedHere(): Promise<Map<string, number>> {
    const now = this.ctx.now();
    const records = await readLocalPrefix<LockoutState>(this.ctx, LOCKOUT_PREFIX);
    return new Map(records.filter((r) => isLocked(r.value, now)).map((r) => [r.key.slice(LOCKOUT_PREFIX.length), r.value.lockedUntil]));
  }

  private check(attempt: CredentialAttempt, purpose: CheckPurpose): Promise<UserDoc> {
    const { ctx } = this;
    return this.ctx.writes(async () => {
      const found = await ctx.db.users.findOne({ selector: { username: attempt.username } }).exec();
      const user = found && found.active ? (found.toJSON() as UserDoc) : null;
      const audit = (type: string, subjectId: string, more: Record<string, string | number> = {}) => ({
        actorId: type === 'auth.locked' ? '' : purpose.actorId,
        type,
        subjectId,
        details: { username: user?.username ?? attempt.username, ...purpose.details, ...more },
      });
      if (!user) {
        // As slow as a real check, so a wrong user name cannot be told from a wrong PIN by the time it takes.
        await verifySecret(attempt.secret, await decoyHash());
        await ctx.audit.record(audit(purpose.failedEvent, ''));
        throw new TillError('WRONG_CREDENTIALS', purpose.wrongMessage);
      }
      const lockout = lockoutRecord(ctx, user.id);
      const state = (await lockout.read()) ?? NO_LOCKOUT;
      const now = ctx.now();
      if (isLocked(state, now)) {
        await ctx.audit.record(audit(purpose.refusedLockedEvent, user.id));
        throw new TillError('LOCKED', lockedMessage(state, now));
      }
      if (await verifySecret(attempt.secret, user.secretHash)) {
        if (state.failures > 0) await lockout.write(NO_LOCKOUT);
        return user;
      }
      const next = afterFailure(state, now);
      await lockout.write(next);
      if (isLocked(next, now)) {
        await ctx.audit.record(audit(purpose.failedEvent, user.id), audit('auth.locked', user.id, { failures: next.failures }));
        throw new TillError('LOCKED', lockedMessage(next, now));
      }
      await ctx.audit.record(audit(purpose.failedEvent, user.id));
      const left = MAX_FAILED_ATTEMPTS - next.failures;
      const hint = next.failures >= 2 ? ` ${left} more wrong attempt${left === 1 ? '' : 's'} will lock this user.` : '';
      throw new TillError('WRONG_CREDENTIALS', `${purpose.wrongMessage}${hint}`);
    });
  }
}
