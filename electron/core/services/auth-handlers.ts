/** Login, logout, first-run set-up: the public door of the till. The credential check itself is CredentialCheck's. */
import { TillError } from '../../../shared/api/errors';
import type { UserDoc } from '../../../shared/model';
import type { HandlerMap } from '../api/handler-types';
import { sessionOf } from '../api/handler-types';
import type { CredentialCheck } from '../auth/credential-check';
import { publicSession, type SessionRegistry } from '../auth/session-registry';
import { isoNow, type CoreContext } from './core-context';
import { compareUsers, insertUser, toSummary } from './users-store';

type AuthCommands = 'auth.status' | 'auth.setupFirstAdmin' | 'auth.login' | 'auth.logout';

export interface AuthDeps {
  ctx: CoreContext;
  sessions: SessionRegistry;
  credentials: CredentialCheck;
  demo: boolean;
}

export function createAuthHandlers({ ctx, sessions, credentials, demo }: AuthDeps): HandlerMap<AuthCommands> {
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

    'auth.setupFirstAdmin': async (input, call) => {
      if ((await ctx.db.users.count().exec()) > 0) {
        throw new TillError('SETUP_DONE', 'This till already has users. Log in, or ask an admin to add you.');
      }
      const user = await insertUser(ctx, { ...input, role: 'admin' });
      await ctx.audit.record({ actorId: user.id, type: 'auth.first_admin', subjectId: user.id, details: { username: user.username } });
      const session = sessions.start(call.channelId, toSummary(user), ctx.terminalId, user.createdAt);
      return publicSession(session)!;
    },

    'auth.login': async (input, call) => {
      const user = await credentials.login(input);
      await ctx.audit.record({ actorId: user.id, type: 'auth.login', subjectId: user.id, details: { channel: call.channelId.split(':')[0] ?? '' } });
      // After a reset the session can only choose a new secret (the dispatcher enforces it).
      const session = sessions.start(call.channelId, toSummary(user), ctx.terminalId, isoNow(ctx), user.mustChangeSecret);
      return publicSession(session)!;
    },

    'auth.logout': async (_input, call) => {
      const session = sessionOf(call);
      sessions.end(call.channelId);
      await ctx.audit.record({ actorId: session.user.id, type: 'auth.logout', subjectId: session.user.id });
      return { loggedOut: true };
    },
  };
}
