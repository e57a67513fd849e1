/** The SIGKILL suites' plan: which size runs, when kills stop, and how many a run must have had. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chaosPlan, chaosSize, killPoints } from './chaos-budget';

const SIZES = {
  quick: { kills: 3, budgetMs: 10_000, aroundMs: 5_000 },
  full: { kills: 5, budgetMs: 60_000, aroundMs: 20_000 },
};

afterEach(() => vi.useRealTimers());

describe('chaos plans', () => {
  it('runs the quick plan unless KASSA_CHAOS=full, with the budget and what is around it as the timeout', () => {
    expect(chaosSize({})).toBe('quick');
    expect(chaosSize({ KASSA_CHAOS: 'full' })).toBe('full');
    expect(chaosPlan(SIZES, 'quick')).toMatchObject({ size: 'quick', kills: 3, timeoutMs: 15_000 });
    expect(chaosPlan(SIZES, 'full')).toMatchObject({ size: 'full', kills: 5, timeoutMs: 80_000 });
  });

  it('stops at the goal, or when the budget is spent counting from the first kill', () => {
    vi.useFakeTimers();
    const atGoal = chaosPlan(SIZES, 'quick').start();
    vi.advanceTimersByTime(60_000); // set-up before the first kill does not count
    while (atGoal.more()) atGoal.killed();
    expect(atGoal).toMatchObject({ kills: 3, spent: false, required: 1 });

    const slow = chaosPlan(SIZES, 'full').start();
    expect(slow.more()).toBe(true);
    slow.killed();
    vi.advanceTimersByTime(60_000);
    expect(slow.more()).toBe(false);
    expect(slow).toMatchObject({ kills: 1, spent: true, required: 5 });
    expect(slow.describe()).toBe('1 of 5 kills in 60 s (budget 60 s, full run)');
  });

  it('makes the same kill points for a seed, within range', () => {
    const points = killPoints(20, 30, 7);
    expect(points).toEqual(killPoints(20, 30, 7));
    expect(points.every((n) => n >= 1 && n <= 30)).toBe(true);
  });
});
