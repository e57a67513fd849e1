/**
 * Structured log lines for the IT person (JSON, one per line, on stderr). Callers pass context, never secrets:
 * inputs of auth commands are not logged at all.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const wanted = (process.env.KASSA_LOG_LEVEL ?? 'info') as Level;
  return ORDER[wanted] ?? ORDER.info;
}

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

function describeError(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function createLogger(scope: string): Logger {
  const write = (level: Level, message: string, context?: Record<string, unknown>) => {
    if (ORDER[level] < threshold()) return;
    const fields = context ? Object.fromEntries(Object.entries(context).map(([k, v]) => [k, describeError(v)])) : {};
    process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level, scope, message, ...fields })}\n`);
  };
  return {
    debug: (m, c) => write('debug', m, c),
    info: (m, c) => write('info', m, c),
    warn: (m, c) => write('warn', m, c),
    error: (m, c) => write('error', m, c),
  };
}
