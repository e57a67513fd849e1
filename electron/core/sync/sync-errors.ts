/**
 * What can go wrong between a terminal and its server, as values with a message a manager can act on. The
 * messages never contain a password; addresses in them carry no user info.
 */
export type SyncProblemKind =
  | 'unreachable'
  | 'timeout'
  | 'wrong_credentials'
  | 'no_access'
  | 'not_set_up'
  | 'server_error'
  | 'bad_response';

export interface SyncProblem {
  kind: SyncProblemKind;
  message: string;
  /** HTTP status, when the server answered. */
  status?: number;
}

export class SyncError extends Error {
  constructor(readonly problem: SyncProblem) {
    super(problem.message);
    this.name = 'SyncError';
  }
}

/** Turns an HTTP answer that is not ok into the problem a manager should see. */
export function problemFromStatus(status: number, database: string | null, couchReason: string): SyncProblem {
  const where = database ? ` (database ${database})` : '';
  if (status === 401) {
    return { kind: 'wrong_credentials', status, message: "The server refused this terminal's user name or password. A manager can pair the terminal again." };
  }
  if (status === 403) {
    return { kind: 'no_access', status, message: `This terminal's server account may not use the store's data${where}. Give it the terminal role (npm run server:setup -- --terminal …).` };
  }
  if (status === 404) {
    return { kind: 'not_set_up', status, message: `The server is not set up for this store${where}. Run npm run server:setup against it.` };
  }
  // CouchDB's reasons often end in a full stop of their own.
  const reason = couchReason.slice(0, 200).replace(/[.\s]+$/, '');
  const detail = reason ? `: ${reason}` : '';
  return { kind: 'server_error', status, message: `The server answered ${status}${where}${detail}. Kassa keeps selling and retries.` };
}

/** Network failures (refused, reset, DNS) as the problem to show, naming the address but no credentials. */
export function problemFromNetwork(error: unknown, url: string, timedOut: boolean): SyncProblem {
  if (timedOut) return { kind: 'timeout', message: `The server at ${url} stopped answering. Kassa keeps selling and retries.` };
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code ?? (error as { code?: string } | null)?.code;
  const reason =
    cause === 'ECONNREFUSED' ? 'connection refused'
    : cause === 'ENOTFOUND' || cause === 'EAI_AGAIN' ? 'unknown host name'
    : cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET' ? 'connection lost'
    : cause === 'EHOSTUNREACH' || cause === 'ENETUNREACH' ? 'no route to the server'
    : cause ?? 'network error';
  return { kind: 'unreachable', message: `Cannot reach the server at ${url} (${reason}). Kassa keeps selling offline and retries.` };
}
