/** The dispatcher's own promises: writing commands one at a time (reads beside them), and a handler table that matches the commands. */
import { describe, expect, it, vi } from 'vitest';
import { commands, type CommandName } from '../../../shared/api/contract';
import { SessionRegistry } from '../auth/session-registry';
import { createLogger } from '../log';
import { createWriteQueue } from '../services/write-queue';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './handler-types';

const SCREEN = 'test:screen';
const names = Object.keys(commands) as CommandName[];

/** Every command answers its own name, at once: tests replace the ones they watch. */
function handlersWith(overrides: Partial<Record<CommandName, () => Promise<unknown>>>): Handlers {
  return Object.fromEntries(names.map((name) => [name, overrides[name] ?? (async () => name)])) as unknown as Handlers;
}

function managerSession(): SessionRegistry {
  const sessions = new SessionRegistry(() => undefined);
  sessions.start(SCREEN, { id: 'U1', username: 'maria', displayName: 'Maria', role: 'manager', credentialKind: 'pin', active: true }, 'T1', '2026-12-08T00:00:00.000Z');
  return sessions;
}

function gate() {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('the dispatcher', () => {
  it('runs writing commands one at a time, in the order they came, and reads beside them', async () => {
    const log: string[] = [];
    const first = gate();
    const handlers = handlersWith({
      'payments.collect': async () => {
        log.push('collect starts');
        await first.opened;
        log.push('collect ends');
      },
      'payments.writeOff': async () => {
        log.push('write-off runs');
      },
      'payments.worklist': async () => {
        log.push('worklist read');
        return [];
      },
    });
    const dispatch = createDispatcher(handlers, managerSession(), createLogger('test'), createWriteQueue(() => undefined));
    expect(commands['payments.collect'].effect).toBe('writes');
    expect(commands['payments.writeOff'].effect).toBe('writes');
    expect(commands['payments.worklist'].effect).toBe('reads');

    const collect = dispatch(SCREEN, 'payments.collect', { paymentId: 'T1-S-P1', method: 'cash' });
    const writeOff = dispatch(SCREEN, 'payments.writeOff', { paymentId: 'T1-S-P1', reason: 'Customer gone' });
    await vi.waitFor(() => expect(log).toEqual(['collect starts']));
    await dispatch(SCREEN, 'payments.worklist', {});
    // The read ran while the first write waited; the second write has not started.
    expect(log).toEqual(['collect starts', 'worklist read']);
    first.open();
    await Promise.all([collect, writeOff]);
    expect(log).toEqual(['collect starts', 'worklist read', 'collect ends', 'write-off runs']);
  });

  it('refuses to start with a handler missing, or one for a command nobody declared', () => {
    const queue = createWriteQueue(() => undefined);
    const { ['cart.get']: _missing, ...withoutOne } = handlersWith({}) as unknown as Record<string, unknown>;
    expect(() => createDispatcher(withoutOne as unknown as Handlers, managerSession(), createLogger('test'), queue)).toThrow(/missing cart\.get/);
    const extra = { ...handlersWith({}), 'cart.teleport': async () => null } as unknown as Handlers;
    expect(() => createDispatcher(extra, managerSession(), createLogger('test'), queue)).toThrow(/unknown cart\.teleport/);
  });

  it('declares for every command whether it writes', () => {
    for (const name of names) expect(['reads', 'writes', 'job'], name).toContain(commands[name].effect);
    // What moves money is never a read.
    for (const name of ['checkout.pay', 'returns.create', 'payments.collect', 'payments.writeOff', 'payments.takeOver', 'shifts.close', 'shifts.cashMovement'] as const) {
      expect(commands[name].effect, name).toBe('writes');
    }
  });
});
