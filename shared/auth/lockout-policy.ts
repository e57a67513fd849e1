/** After too many wrong PINs in a row a user is locked for a while; a right PIN resets the count. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60_000;

export interface LockoutState {
  failures: number;
  /** Epoch ms until which the user may not log in; 0 when not locked. */
  lockedUntil: number;
}

export const NO_LOCKOUT: LockoutState = { failures: 0, lockedUntil: 0 };

export function isLocked(state: LockoutState, now: number): boolean {
  return state.lockedUntil > now;
}

/** A lock that has run out starts a fresh count. */
export function afterFailure(state: LockoutState, now: number): LockoutState {
  const failures = (state.lockedUntil !== 0 && state.lockedUntil <= now ? 0 : state.failures) + 1;
  return failures >= MAX_FAILED_ATTEMPTS ? { failures, lockedUntil: now + LOCKOUT_MS } : { failures, lockedUntil: 0 };
}

export function lockedMessage(state: LockoutState, now: number): string {
  const minutes = Math.max(1, Math.ceil((state.lockedUntil - now) / 60_000));
  return `Too many wrong attempts: this user is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}. Ask a manager if you need to sell now.`;
}
