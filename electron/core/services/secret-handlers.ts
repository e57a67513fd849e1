/**
 * PINs and passwords after the first one: a manager resets a user's secret to a temporary one (the user must
 * choose their own at the next login), a user chooses a new one, a manager unlocks a user locked on this till.
 * Checking a secret stays CredentialCheck's; writing the user stays users-store's.
 */
import { secretProblem } from '../../../shared/api/contract';
import { TillError } from '../../../shared/api/errors';
import type { UserDoc } from '../../../shared/model';
import { mayManageRole } from '../../../shared/roles';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import type { CredentialCheck } from '../auth/credential-check';
import { publicSession, type Session, type SessionRegistry } from '../auth/session-registry';
import type { CoreContext } from './core-context';
import { replaceSecret, toListEntry } from './users-store';

type SecretCommands = 'users.resetSecret' | 'users.unlock' | 'auth.changeSecret';

export interface SecretDeps {
  ctx: CoreContext;
  sessions: SessionRegistry;
  credentials: CredentialCheck;
}

/** The user `actor` wants to act on, or NOT_FOUND / FORBIDDEN (a manager manages clerks; an admin anyone). */
async function managedUser(ctx: CoreContext, actor: Session['user'], userId: string, what: string) {
  const doc = await ctx.db.users.findOne(userId).exec();
  if (!doc) throw new TillError('NOT_FOUND', 'That user does not exist on this till.');
  if (!mayManageRole(actor.role, doc.role)) throw new TillError('FORBIDDEN', `A ${actor.role} may not ${what} a ${doc.role}. Ask an admin.`);
  return doc;
}

export function createSecretHandlers({ ctx, sessions, credentials }: SecretDeps): HandlerMap<SecretCommands> {
  return {
    'users.resetSecret': async (input, call) => {
      const actor = sessionOf(call).user;
      const doc = await managedUser(ctx, actor, input.userId, 'reset the PIN of');
      if (doc.id === actor.id) throw new TillError('CONFLICT', 'You cannot reset your own PIN or password: change it instead.');
      const problem = secretProblem(doc.credentialKind, input.secret);
      if (problem) throw new TillError('BAD_INPUT', `secret: ${problem}`);
      const updated = await replaceSecret(ctx, doc, input.secret, true);
      await ctx.audit.record({ actorId: actor.id, type: 'user.secret_reset', subjectId: doc.id, details: { username: doc.username } });
      // Whoever is logged in as them must not go on with the old secret's session.
      sessions.endForUser(updated.id);
      // A reset is what a locked-out user needs: their lock on this till goes with it.
      if (await credentials.unlock(updated.id)) await ctx.audit.record({ actorId: actor.id, type: 'user.unlocked', subjectId: updated.id, details: { username: updated.username } });
      return toListEntry(updated, undefined);
    },

    'users.unlock': async (input, call) => {
      const actor = sessionOf(call).user;
      const doc = await managedUser(ctx, actor, input.userId, 'unlock');
      const user = doc.toJSON() as UserDoc;
      if (await credentials.unlock(doc.id)) await ctx.audit.record({ actorId: actor.id, type: 'user.unlocked', subjectId: doc.id, details: { username: doc.username } });
      return toListEntry(user, undefined);
    },

    'auth.changeSecret': async (input, call) => {
      const session = sessionOf(call);
      const checked = await credentials.confirmOwnSecret(session.user, input.current);
      const problem = secretProblem(checked.credentialKind, input.next);
      if (problem) throw new TillError('BAD_INPUT', `next: ${problem}`);
      if (input.next === input.current) throw new TillError('BAD_INPUT', 'next: The new one must differ from the current one.');
      const doc = await ctx.db.users.findOne(checked.id).exec();
      // Reset (or changed) again since the check: the current secret proved nothing about the new state.
      if (!doc || !doc.active || doc.secretHash !== checked.secretHash) throw new TillError('CONFLICT', 'Your PIN or password was just changed elsewhere. Log in again.');
      await replaceSecret(ctx, doc, input.next, false);
      await ctx.audit.record({ actorId: doc.id, type: 'user.secret_changed', subjectId: doc.id, details: { username: doc.username, afterReset: checked.mustChangeSecret } });
      return publicSession(sessions.secretChanged(call.channelId) ?? session)!;
    },
  };
}
