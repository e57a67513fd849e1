/** Login, logout, first-run set-up: the public door of the till and its lockout. */
import { TillError } from '../../../shared/api/errors';
import { afterFailure, isLocked, lockedMessage, MAX_FAILED_ATTEMPTS, NO_LOCKOUT, type LockoutState } from '../../../shared/auth/lockout-policy';
import type { UserDoc } from '../../../shared/model';
import type { HandlerMap } from '../api/handler-types';
import { sessionOf } from '../api/handler-types';
import { decoyHash, verifySecret } from '../auth/secret-hash';
import { publicSession, type SessionRegistry } from '../auth/session-registry';
import { auditDoc, recordAudit } from './audit-log';
import { isoNow, type CoreContext } from './core-context';
import { readLocal, writeLocal } from './local-state';
import type { SerialQueue } from './serial-queue';
import { compareUsers, insertUser, toSummary } from './users-store';

type AuthCommands = 'auth.status' | 'auth.setupFirstAdmin' | 'auth.login' | 'auth.logout';

export interface AuthDeps {
  ctx: CoreContext;
  sessions: SessionRegistry;
  /** Serialises user writes and login attempts so counts and uniqueness checks cannot interleave. */
  userWrites: SerialQueue;
  demo: boolean;
}

const lockoutKey = (userId: string) => `lockout:${userId}`;

export function createAuthHandlers({ ctx, sessions, userWrites, demo }: AuthDeps): HandlerMap<AuthCommands> {
  const findByUsername = (username: string) => ctx.db.users.findOne({ selector: { username } }).exec();

  async function refuseLogin(username: string, user: UserDoc | null, lockout: LockoutState): Promise<never> {
    const now = ctx.now();
    const next = user ? afterFailure(lockout, now) : lockout;
    const lockedNow = user !== null && isLocked(next, now);
    const events = [auditDoc(ctx, { actorId: '', type: 'auth.login_failed', subjectId: user?.id ?? '', details: { username } })];
    if (lockedNow) events.push(auditDoc(ctx, { actorId: '', type: 'auth.locked', subjectId: user.id, details: { username, failures: next.failures } }));
    if (user) await writeLocal(ctx, lockoutKey(user.id), next);
    await ctx.db.audit_events.bulkInsert(events);
    if (lockedNow) throw new TillError('LOCKED', lockedMessage(next, now));
    const left = MAX_FAILED_ATTEMPTS - next.failures;
    const hint = user && next.failures >= 2 ? ` ${left} more wrong attempt${left === 1 ? '' : 's'} will lock this user.` : '';
    throw new TillError('WRONG_CREDENTIALS', `Wrong user name, PIN or password.${hint}`);
  }

  return {
    'auth.status': async (_input, call) => {
      const users = await ctx.db.users.find().exec();
      return {
        terminalId: ctx.terminalId,
        needsSetup: users.length === 0,
        demo,
        users: users.filter((u) => u.active).map((u) => toSummary(u.toJSON() as UserDoc)).sort(compareUsers),
        session: publicSession(sessions.get(call.channelId)),
      };
    },

    'auth.setupFirstAdmin': (input, call) =>
      userWrites(async () => {
        if ((await ctx.db.users.count().exec()) > 0) {
          throw new TillError('SETUP_DONE', 'This till already has users. Log in, or ask an admin to add you.');
        }
        const user = await insertUser(ctx, { ...input, role: 'admin' });
        await recordAudit(ctx, { actorId: user.id, type: 'auth.first_admin', subjectId: user.id, details: { username: user.username } });
        const session = sessions.start(call.channelId, toSummary(user), ctx.terminalId, user.createdAt);
        return publicSession(session)!;
      }),

    'auth.login': (input, call) =>
      userWrites(async () => {
        const found = await findByUsername(input.username);
        const user = found && found.active ? (found.toJSON() as UserDoc) : null;
        if (!user) {
          await verifySecret(input.secret, await decoyHash());
          return refuseLogin(input.username, null, NO_LOCKOUT);
        }
        const lockout = await readLocal(ctx, lockoutKey(user.id), NO_LOCKOUT);
        if (isLocked(lockout, ctx.now())) {
          await recordAudit(ctx, { actorId: '', type: 'auth.login_refused_locked', subjectId: user.id, details: { username: user.username } });
          throw new TillError('LOCKED', lockedMessage(lockout, ctx.now()));
        }
        if (!(await verifySecret(input.secret, user.secretHash))) return refuseLogin(user.username, user, lockout);
        if (lockout.failures > 0) await writeLocal(ctx, lockoutKey(user.id), NO_LOCKOUT);
        await recordAudit(ctx, { actorId: user.id, type: 'auth.login', subjectId: user.id, details: { channel: call.channelId.split(':')[0] ?? '' } });
        const session = sessions.start(call.channelId, toSummary(user), ctx.terminalId, isoNow(ctx));
        return publicSession(session)!;
      }),

    'auth.logout': async (_input, call) => {
      const session = sessionOf(call);
      sessions.end(call.channelId);
      await recordAudit(ctx, { actorId: session.user.id, type: 'auth.logout', subjectId: session.user.id });
      return { loggedOut: true };
    },
  };
}
