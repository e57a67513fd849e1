/** The processor's log: JSON lines on stderr, like the till's, filtered by KASSA_LOG_LEVEL. Never a secret in it. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type ProcessorLog = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function stderrLog(minimum: string | undefined = process.env.KASSA_LOG_LEVEL): ProcessorLog {
  const floor = RANK[(minimum ?? 'info') as LogLevel] ?? RANK.info;
  return (level, message, fields = {}) => {
    if (RANK[level] < floor) return;
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, scope: 'processor', message, ...fields })}\n`);
  };
}
