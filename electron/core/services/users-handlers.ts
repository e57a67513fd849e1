/** Managing the people who use the till: list (with who is locked on this till), add, activate and deactivate. */
import { TillError } from '../../../shared/api/errors';
import type { UserDoc } from '../../../shared/model';
import { mayManageRole } from '../../../shared/roles';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import type { CredentialCheck } from '../auth/credential-check';
import type { SessionRegistry } from '../auth/session-registry';
import type { CoreContext } from './core-context';
import { compareUsers, insertUser, setUserActive, toListEntry, toSummary } from './users-store';

type UserCommands = 'users.list' | 'users.create' | 'users.setActive';

export interface UsersDeps {
  ctx: CoreContext;
  sessions: SessionRegistry;
  /** Knows who is locked on this till. */
  credentials: CredentialCheck;
}

export function createUserHandlers({ ctx, sessions, credentials }: UsersDeps): HandlerMap<UserCommands> {
  return {
    'users.list': async () => {
      const [users, locked] = await Promise.all([ctx.db.users.find().exec(), credentials.lockedHere()]);
      return users.map((u) => toListEntry(u.toJSON() as UserDoc, locked.get(u.id))).sort(compareUsers);
    },

    'users.create': async (input, call) => {
      const actor = sessionOf(call).user;
      if (!mayManageRole(actor.role, input.role)) {
        throw new TillError('FORBIDDEN', `A ${actor.role} may not add a ${input.role}. Ask an admin.`);
      }
      if (await ctx.db.users.findOne({ selector: { username: input.username } }).exec()) {
        throw new TillError('CONFLICT', `The user name "${input.username}" is taken. Choose another.`);
      }
      const user = await insertUser(ctx, input);
      await ctx.audit.record({ actorId: actor.id, type: 'user.created', subjectId: user.id, details: { username: user.username, role: user.role } });
      return toSummary(user);
    },

    'users.setActive': async (input, call) => {
      const actor = sessionOf(call).user;
      const doc = await ctx.db.users.findOne(input.userId).exec();
      if (!doc) throw new TillError('NOT_FOUND', 'That user does not exist on this till.');
      if (!mayManageRole(actor.role, doc.role)) {
        throw new TillError('FORBIDDEN', `A ${actor.role} may not change a ${doc.role}. Ask an admin.`);
      }
      if (doc.active === input.active) return toSummary(doc.toJSON() as UserDoc);
      if (!input.active && doc.id === actor.id) throw new TillError('CONFLICT', 'You cannot deactivate yourself.');
      if (!input.active && doc.role === 'admin') {
        // A till has a handful of users: reading them beats an index that only this check would use.
        const activeAdmins = await ctx.db.users.find({ selector: { role: 'admin', active: true } }).exec();
        if (activeAdmins.length <= 1) throw new TillError('CONFLICT', 'This is the last active admin: add another admin first.');
      }
      const updated = await setUserActive(ctx, doc, input.active);
      await ctx.audit.record({
        actorId: actor.id,
        type: input.active ? 'user.activated' : 'user.deactivated',
        subjectId: doc.id,
        details: { username: doc.username },
      });
      if (!input.active) sessions.endForUser(doc.id);
      return toSummary(updated);
    },
  };
}
