/** What the shell modules log through: satisfied by `console` (tests) and by the core's structured logger. */
export interface ShellLog {
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}
