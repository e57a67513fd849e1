/** The typed handler map: one handler per command, its input already validated and the caller's role checked. */
import type { CommandName, CommandResult, ParsedInput } from '../../../shared/api/contract';
import type { Session } from '../auth/session-registry';
import type { ChannelId } from './till-core-types';

export interface CallContext {
  channelId: ChannelId;
  /** null only for 'public' commands: the dispatcher refuses other commands without a session. */
  session: Session | null;
}

export type Handler<K extends CommandName> = (input: ParsedInput<K>, call: CallContext) => Promise<CommandResult<K>>;
export type HandlerMap<K extends CommandName> = { [P in K]: Handler<P> };
export type Handlers = HandlerMap<CommandName>;

/** For handlers whose command needs a session: the dispatcher guarantees it, this makes the type say so. */
export function sessionOf(call: CallContext): Session {
  if (!call.session) throw new Error('Handler reached without a session: the dispatcher must refuse this call');
  return call.session;
}
