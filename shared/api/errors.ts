/** Errors are values: a stable code for programs and a sentence a clerk can act on. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_COMMAND',
  'NOT_LOGGED_IN',
  'FORBIDDEN',
  'WRONG_CREDENTIALS',
  'LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'SETUP_DONE',
  /** The user's PIN or password was reset: nothing but choosing a new one (or logging out) is allowed until then. */
  'SECRET_CHANGE_REQUIRED',
  /** A clerk asked for something over their limit without a manager's approval. */
  'APPROVAL_REQUIRED',
  /** The card processor declined; nothing was written. */
  'PAYMENT_DECLINED',
  /** The store sells only during an open shift, and none is open on this terminal. */
  'NO_OPEN_SHIFT',
  /** A card cannot be taken now (no processor reachable and offline cards not allowed, or over the offline caps). */
  'CARD_UNAVAILABLE',
  'UNAVAILABLE',
  /** The till core is restarting after a failure: nothing was done; try again in a few seconds. */
  'RESTARTING',
  /** The till core failed while doing this: it may or may not have happened (check before repeating it). */
  'INTERRUPTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** Thrown inside the core; the dispatcher turns it into an `ApiError` value. */
export class TillError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TillError';
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string';
}
