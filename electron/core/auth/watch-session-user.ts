/**
 * A user can be deactivated or have their secret reset on another till; the change arrives here by sync. Whoever
 * is logged in here as that user must not go on with the rights they had: their session ends (the screen returns
 * to the login, where a reset user must then choose a new secret).
 */
import type { UserDoc } from '../../../shared/model';
import type { CoreContext } from '../services/core-context';
import type { SessionRegistry } from './session-registry';

export function watchSessionUser(ctx: CoreContext, sessions: SessionRegistry): () => void {
  const subscription = ctx.db.users.$.subscribe((event) => {
    const user = event.documentData as UserDoc;
    const session = sessions.active();
    if (!session || session.user.id !== user.id) return;
    // A deactivation, or a reset this session does not know of yet.
    if (!user.active || (user.mustChangeSecret && !session.mustChangeSecret)) {
      ctx.log.info('Session ended: the user was changed elsewhere', { userId: user.id, active: user.active });
      sessions.endForUser(user.id);
    }
  });
  return () => subscription.unsubscribe();
}
