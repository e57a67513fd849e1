/**
 * The result of a till rule that a clerk's input can break: the new value, or a TillError whose message the clerk
 * can act on. The shape mirrors ApiResult so a handler can pass it on or `orThrow` it into the dispatcher.
 */
import { TillError } from '../api/errors';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: TillError };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const refuse = <T = never>(message: string): Outcome<T> => ({
  ok: false,
  error: new TillError('BAD_INPUT', message),
});

/**
 * Runs a rule written with `throw new TillError(...)` and hands back its outcome. Only TillErrors become values:
 * anything else is a bug and keeps propagating so it is logged as one.
 */
export function attempt<T>(rule: () => T): Outcome<T> {
  try {
    return ok(rule());
  } catch (error) {
    if (error instanceof TillError) return { ok: false, error };
    throw error;
  }
}

/** For core handlers: the value, or the TillError thrown for the dispatcher to report. */
export function orThrow<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
