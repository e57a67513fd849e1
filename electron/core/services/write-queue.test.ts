import { describe, expect, it } from 'vitest';
import { createWriteQueue } from './write-queue';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the write queue', () => {
  it('runs tasks one at a time, in the order they came, whatever each awaits', async () => {
    const queue = createWriteQueue(() => undefined);
    const log: string[] = [];
    const task = (name: string, waits: number) => async () => {
      log.push(`${name} starts`);
      for (let i = 0; i < waits; i++) await tick();
      log.push(`${name} ends`);
      return name;
    };
    const results = await Promise.all([queue(task('a', 3)), queue(task('b', 0)), queue(task('c', 1))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('lets a task that holds the turn ask for it again without waiting for itself', async () => {
    const queue = createWriteQueue(() => undefined);
    const inner = await queue(async () => queue(async () => (queue.held() ? 'inner ran holding the turn' : 'no')));
    expect(inner).toBe('inner ran holding the turn');
  });

  it('queues work for after the current task, even when asked from inside it', async () => {
    const queue = createWriteQueue(() => undefined);
    const log: string[] = [];
    const first = queue(async () => {
      queue.after(async () => {
        log.push('after');
      });
      await tick();
      log.push('first');
    });
    const second = queue(async () => {
      log.push('second');
    });
    await Promise.all([first, second]);
    await queue.idle();
    expect(log).toEqual(['first', 'second', 'after']);
  });

  it('does not lend the turn to work a task started and left running', async () => {
    const queue = createWriteQueue(() => undefined);
    let leftRunning: Promise<boolean> = Promise.resolve(true);
    await queue(async () => {
      leftRunning = (async () => {
        await tick();
        await tick();
        return queue.held();
      })();
    });
    expect(await leftRunning).toBe(false);
  });

  it('refuses a write outside the queue where the writer asserts it', async () => {
    const queue = createWriteQueue(() => undefined);
    expect(() => queue.assertHeld('Changing a payment')).toThrow(/Changing a payment outside the till's write queue/);
    await expect(queue(async () => queue.assertHeld('Changing a payment'))).resolves.toBeUndefined();
  });

  it('goes on after a task fails, and reports a failure of work queued for after', async () => {
    const failures: unknown[] = [];
    const queue = createWriteQueue((error) => failures.push(error));
    await expect(queue(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    queue.after(async () => {
      throw new Error('later failed');
    });
    await expect(queue(async () => 'still runs')).resolves.toBe('still runs');
    await queue.idle();
    expect(failures).toEqual([new Error('later failed')]);
  });
});
