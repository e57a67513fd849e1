import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, lockedMessage, LOCKOUT_MS, NO_LOCKOUT, type LockoutState } from './lockout-policy';

function fail(times: number, start: LockoutState = NO_LOCKOUT, now = 1_000): LockoutState {
  let state = start;
  for (let i = 0; i < times; i++) state = afterFailure(state, now);
  return state;
}

describe('lockout policy', () => {
  it('allows four wrong attempts and locks on the fifth for five minutes', () => {
    expect(isLocked(fail(4), 1_000)).toBe(false);
    const locked = fail(5);
    expect(isLocked(locked, 1_000)).toBe(true);
    expect(isLocked(locked, 1_000 + LOCKOUT_MS - 1)).toBe(true);
    expect(isLocked(locked, 1_000 + LOCKOUT_MS)).toBe(false);
  });

  it('starts a fresh count after a lock has run out', () => {
    const afterLock = afterFailure(fail(5), 1_000 + LOCKOUT_MS + 1);
    expect(afterLock).toEqual({ failures: 1, lockedUntil: 0 });
  });

  it('tells the clerk how long the lock lasts, rounded up to whole minutes', () => {
    expect(lockedMessage({ failures: 5, lockedUntil: 10 * 60_000 }, 5 * 60_000 + 1)).toMatch(/5 more minutes/);
    expect(lockedMessage({ failures: 5, lockedUntil: 60_000 }, 59_000)).toMatch(/1 more minute\./);
  });
});
