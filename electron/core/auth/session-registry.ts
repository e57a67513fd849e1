/**
 * Who is logged in on which screen. A terminal has one session at a time: a login ends any other session
 * (the other screen is told, and returns to its login). Sessions live in memory: a restart logs everybody out.
 */
import type { SessionInfo, UserSummary } from '../../../shared/api/contract';
import type { ChannelId } from '../api/till-core-types';

export interface Session extends SessionInfo {
  channelId: ChannelId;
}

export class SessionRegistry {
  private current: Session | null = null;

  constructor(private readonly onEnded: (session: Session) => void) {}

  get(channelId: ChannelId): Session | null {
    return this.current && this.current.channelId === channelId ? this.current : null;
  }

  start(channelId: ChannelId, user: UserSummary, terminalId: string, startedAt: string, mustChangeSecret = false): Session {
    this.endCurrent();
    this.current = { channelId, user, terminalId, startedAt, mustChangeSecret };
    return this.current;
  }

  /** The terminal's session, whichever screen holds it. */
  active(): Session | null {
    return this.current;
  }

  /** The user chose a new secret: their session may do what their role allows again. */
  secretChanged(channelId: ChannelId): Session | null {
    const session = this.get(channelId);
    if (session) session.mustChangeSecret = false;
    return session;
  }

  end(channelId: ChannelId): Session | null {
    const session = this.get(channelId);
    if (session) this.endCurrent();
    return session;
  }

  /** A user was deactivated or changed: their session must not go on with stale rights. */
  endForUser(userId: string): Session | null {
    const session = this.current;
    if (session && session.user.id === userId) this.endCurrent();
    return session && session.user.id === userId ? session : null;
  }

  private endCurrent(): void {
    const ended = this.current;
    this.current = null;
    if (ended) this.onEnded(ended);
  }
}

export function publicSession(session: Session | null): SessionInfo | null {
  if (!session) return null;
  const { user, terminalId, startedAt, mustChangeSecret } = session;
  return { user, terminalId, startedAt, mustChangeSecret };
}
