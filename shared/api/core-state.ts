/**
 * The till core runs in a process of its own; the host (Electron main, or the browser host) starts it again when
 * it dies. Screens hear about that as `core.state`, and calls that could not be answered say why with their own
 * error codes (shared/api/errors.ts): RESTARTING (refused, nothing was done) or INTERRUPTED (the core died while
 * doing it: it may or may not have happened).
 */
export type CoreStateName = 'ready' | 'restarting';

export interface CoreState {
  state: CoreStateName;
  /** For the person at the till: what is happening and what to do. */
  message: string;
  /** Restarts since the host started (0 before the first one). */
  restarts: number;
}

export interface CoreEvents {
  'core.state': CoreState;
}
