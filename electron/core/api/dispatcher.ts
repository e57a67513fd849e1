/**
 * The single gate into the core. Every call goes: known command? → session and role → a secret that must be
 * changed first? → input schema → handler, which runs in the till's write queue when its spec says it writes.
 * Whatever happens, the caller gets a result or a typed error; nothing thrown reaches the host.
 */
import type { z } from 'zod';
import { commands, isCommandName, type CommandName } from '../../../shared/api/contract';
import { TillError, type ApiError, type ApiResult } from '../../../shared/api/errors';
import { roleAtLeast } from '../../../shared/roles';
import type { SessionRegistry } from '../auth/session-registry';
import type { Logger } from '../log';
import type { WriteQueue } from '../services/write-queue';
import type { Handlers } from './handler-types';
import type { ChannelId } from './till-core-types';

/** All a session whose secret was reset may do (besides public commands) until a new one is chosen. */
export const ALLOWED_BEFORE_SECRET_CHANGE: ReadonlySet<CommandName> = new Set(['auth.changeSecret', 'auth.logout']);

const fail = (code: ApiError['code'], message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request is not valid.';
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return `${where}${first.message}`.slice(0, 300);
}

/** A handler for every command and none for a command the contract does not know: checked when the core starts. */
function assertCovers(handlers: Handlers): void {
  const missing = (Object.keys(commands) as CommandName[]).filter((name) => typeof handlers[name] !== 'function');
  const unknown = Object.keys(handlers).filter((name) => !isCommandName(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(`The handler table does not match the commands: missing ${missing.join(', ') || 'none'}; unknown ${unknown.join(', ') || 'none'}`);
  }
}

export function createDispatcher(handlers: Handlers, sessions: SessionRegistry, log: Logger, writes: WriteQueue) {
  assertCovers(handlers);
  return async function dispatch(channelId: ChannelId, name: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (!isCommandName(name)) return fail('UNKNOWN_COMMAND', 'This till does not know that command.');
    const spec = commands[name];
    const session = sessions.get(channelId);
    if (spec.access !== 'public') {
      if (!session) return fail('NOT_LOGGED_IN', 'Please log in first.');
      if (!roleAtLeast(session.user.role, spec.access)) {
        log.warn('Command refused for role', { command: name, role: session.user.role, userId: session.user.id });
        return fail('FORBIDDEN', `Only a ${spec.access} may do this. Ask a ${spec.access}.`);
      }
      if (session.mustChangeSecret && !ALLOWED_BEFORE_SECRET_CHANGE.has(name)) {
        return fail('SECRET_CHANGE_REQUIRED', 'Choose a new PIN or password first: yours was reset.');
      }
    }
    const parsed = (spec.input as z.ZodType).safeParse(rawInput);
    if (!parsed.success) return fail('BAD_INPUT', describeIssues(parsed.error));
    try {
      const handler = handlers[name] as (input: unknown, call: { channelId: ChannelId; session: typeof session }) => Promise<unknown>;
      const run = () => handler(parsed.data, { channelId, session });
      return { ok: true, value: await (spec.effect === 'writes' ? writes(run) : run()) };
    } catch (error) {
      if (error instanceof TillError) return fail(error.code, error.message);
      log.error('Command failed', { command: name satisfies CommandName, error });
      return fail('INTERNAL', 'Something went wrong on this till. Try again, or call IT if it repeats.');
    }
  };
}
