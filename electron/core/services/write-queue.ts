/**
 * The till's one write queue: every command that writes (its spec says so; the dispatcher puts it here) and every
 * background write that must not interleave with them (forwarding card payments, completing a sale after its
 * answer) takes its turn here, one at a time. A check and the write it guards can then never interleave with
 * another write on this till — two clicks on "collect" run one after the other, and the second sees the first.
 *
 * The turn is re-entrant: code that already holds it (a writing command calling a service that also asks for the
 * turn) runs at once instead of waiting for itself. Work a task starts but does not await, and that outlives it,
 * does not hold the turn any more and queues like anyone else.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface WriteQueue {
  /** Runs `task` holding the turn: after every task queued before it, before any queued after it. */
  <T>(task: () => Promise<T>): Promise<T>;
  /**
   * Queues `task` behind everything queued so far, even when called while holding the turn (work that follows a
   * command's answer). It reports its own failures: nobody waits for it.
   */
  after(task: () => Promise<void>): void;
  /** Whether the caller holds the turn. */
  held(): boolean;
  /** Throws unless the caller holds the turn: the one writers of money call it, so a write outside the queue fails in tests. */
  assertHeld(what: string): void;
  /** Resolves once every task queued so far, and every task those queued in turn, has finished. */
  idle(): Promise<void>;
}

interface Turn {
  active: boolean;
}

export function createWriteQueue(onAfterError: (error: unknown) => void): WriteQueue {
  const turns = new AsyncLocalStorage<Turn>();
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    pending += 1;
    const turn: Turn = { active: false };
    const run = async (): Promise<T> => {
      turn.active = true;
      try {
        return await turns.run(turn, task);
      } finally {
        turn.active = false;
      }
    };
    const result = tail.then(run, run).finally(() => {
      pending -= 1;
    });
    tail = result.catch(() => undefined);
    return result;
  };

  const held = () => turns.getStore()?.active === true;

  return Object.assign(<T>(task: () => Promise<T>): Promise<T> => (held() ? task() : enqueue(task)), {
    after(task: () => Promise<void>): void {
      enqueue(task).catch(onAfterError);
    },
    held,
    assertHeld(what: string): void {
      if (!held()) throw new Error(`${what} outside the till's write queue: declare the command as writing, or run the work in the queue`);
    },
    async idle(): Promise<void> {
      while (pending > 0) await tail;
    },
  });
}
