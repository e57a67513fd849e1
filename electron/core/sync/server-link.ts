/**
 * The terminal's one connection to its CouchDB: a cookie session for the terminal's account, timeouts on every
 * request, and one shared view of whether the server can be used. While it cannot (unreachable, refused, not
 * set up) requests wait at a gate and a single prober retries with exponential backoff, so nine replications do
 * not hammer a server that is down, and all of them resume as soon as it is back.
 */
import { setMaxListeners } from 'node:events';
import type { Logger } from '../log';
import { problemFromNetwork, problemFromStatus, SyncError, type SyncProblem } from './sync-errors';

export interface LinkTiming {
  /** First retry delay after a failure; doubles up to maxRetryMs. */
  minRetryMs: number;
  maxRetryMs: number;
  /** Whole request, body included (not for long polls). */
  requestTimeoutMs: number;
  /** A long poll is dropped when the server sends nothing (not even a heartbeat) for this long. */
  longpollIdleMs: number;
  /** How long a request waits at the gate for the server to come back before it fails. */
  gateWaitMs: number;
}

export const DEFAULT_TIMING: LinkTiming = {
  minRetryMs: 1_000,
  maxRetryMs: 30_000,
  requestTimeoutMs: 60_000,
  longpollIdleMs: 25_000,
  gateWaitMs: 20_000,
};

export interface LinkState {
  state: 'connecting' | 'online' | 'offline';
  problem: SyncProblem | null;
  /** Last time (ms) a request was answered as it should be. */
  lastOkAt: number | null;
}

export interface RawResponse {
  status: number;
  text: string;
}

export interface RequestOptions {
  method?: string;
  body?: string;
  /** Long polls are timed by silence, not by total length. */
  longpoll?: boolean;
  /** Do not wait at the gate (the prober's own requests). */
  bypassGate?: boolean;
}

export interface ServerLinkOptions {
  /** Normalized (ends in '/'), no user info. */
  url: string;
  username: string;
  password: string;
  timing: LinkTiming;
  log: Logger;
  now: () => number;
  onChange: (state: LinkState) => void;
  fetch?: typeof fetch;
}

const SESSION_REFRESH_MS = 4 * 60_000;

export class ServerLink {
  private readonly fetchImpl: typeof fetch;
  private cookie: string | null = null;
  private cookieAt = 0;
  private loggingIn: Promise<void> | null = null;
  private current: LinkState = { state: 'connecting', problem: null, lastOkAt: null };
  private failures = 0;
  private proberRunning = false;
  private waiters = new Set<() => void>();
  private readonly closing = new AbortController();
  /** The database whose failure set the current problem: the prober asks it. */
  private probePath = '';

  constructor(private readonly options: ServerLinkOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    // Every request in flight (long polls of all collections included) listens for close().
    setMaxListeners(0, this.closing.signal);
  }

  get url(): string {
    return this.options.url;
  }

  get state(): LinkState {
    return this.current;
  }

  /** A request to `<url><path>` as the terminal's account. Throws SyncError when it cannot be answered as asked. */
  async request(path: string, options: RequestOptions = {}): Promise<RawResponse> {
    if (!options.bypassGate) await this.passGate();
    await this.ensureSession();
    let response = await this.send(path, options);
    if (response.status === 401) {
      // The session expired or the server restarted with a new secret: log in once more, then judge.
      this.cookie = null;
      await this.ensureSession();
      response = await this.send(path, options);
    }
    if (response.status >= 200 && response.status < 300) {
      this.markOk();
      return response;
    }
    const problem = problemFromStatus(response.status, databaseOf(path), couchReason(response.text));
    this.markFailed(problem, path);
    throw new SyncError(problem);
  }

  /** Stops the prober and lets every waiting request fail. */
  close(): void {
    this.closing.abort();
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  private async passGate(): Promise<void> {
    if (this.current.state !== 'offline') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.timing.gateWaitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.add(done);
    });
    if (this.closing.signal.aborted) throw new SyncError({ kind: 'unreachable', message: 'Sync stopped.' });
    if (this.current.state === 'offline' && this.current.problem) throw new SyncError(this.current.problem);
  }

  private async ensureSession(): Promise<void> {
    if (this.cookie && this.options.now() - this.cookieAt < SESSION_REFRESH_MS) return;
    this.loggingIn ??= this.logIn().finally(() => {
      this.loggingIn = null;
    });
    await this.loggingIn;
  }

  private async logIn(): Promise<void> {
    const body = JSON.stringify({ name: this.options.username, password: this.options.password });
    const response = await this.send('_session', { method: 'POST', body }, true);
    if (response.status !== 200) {
      const problem = problemFromStatus(response.status, null, couchReason(response.text));
      this.markFailed(problem, '_session');
      throw new SyncError(problem);
    }
    if (!this.cookie) {
      const problem: SyncProblem = { kind: 'bad_response', message: 'The server accepted the login but sent no session cookie.' };
      this.markFailed(problem, '_session');
      throw new SyncError(problem);
    }
    this.cookieAt = this.options.now();
  }

  private async send(path: string, options: RequestOptions, loggingIn = false): Promise<RawResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    // A compressing server or proxy holds back a long poll's heartbeat newlines until its buffer fills.
    if (options.longpoll) headers['accept-encoding'] = 'identity';
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie && !loggingIn) headers.cookie = this.cookie;
    const timing = this.options.timing;
    const abort = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, ms);
    };
    const onClose = () => abort.abort();
    this.closing.signal.addEventListener('abort', onClose);
    arm(options.longpoll ? timing.longpollIdleMs : timing.requestTimeoutMs);
    try {
      const response = await this.fetchImpl(this.options.url + path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body,
        signal: abort.signal,
      });
      this.takeCookie(response.headers);
      const text = await readBody(response, options.longpoll ? () => arm(timing.longpollIdleMs) : () => undefined);
      return { status: response.status, text };
    } catch (error) {
      if (this.closing.signal.aborted) throw new SyncError({ kind: 'unreachable', message: 'Sync stopped.' });
      const problem = problemFromNetwork(error, this.options.url, timedOut);
      this.markFailed(problem, path);
      throw new SyncError(problem);
    } finally {
      clearTimeout(timer);
      this.closing.signal.removeEventListener('abort', onClose);
    }
  }

  private takeCookie(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const match = /^AuthSession=([^;]*)/.exec(line);
      if (match?.[1]) {
        this.cookie = `AuthSession=${match[1]}`;
        this.cookieAt = this.options.now();
      }
    }
  }

  private markOk(): void {
    this.failures = 0;
    const changed = this.current.state !== 'online';
    this.current = { state: 'online', problem: null, lastOkAt: this.options.now() };
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    if (changed) {
      this.options.log.info('Sync server reachable', { url: this.options.url });
    }
    this.options.onChange(this.current);
  }

  private markFailed(problem: SyncProblem, path: string): void {
    this.failures += 1;
    const changed = this.current.state !== 'offline' || this.current.problem?.kind !== problem.kind;
    this.current = { state: 'offline', problem, lastOkAt: this.current.lastOkAt };
    this.probePath = databaseOf(path) ? `${databaseOf(path)}/` : '';
    if (changed) this.options.log.warn('Sync server not usable', { url: this.options.url, problem: problem.kind, status: problem.status, message: problem.message });
    this.options.onChange(this.current);
    void this.startProber();
  }

  /** Delay before the next attempt: doubling from minRetryMs to maxRetryMs, ±20 % so terminals spread out. */
  retryDelay(): number {
    const { minRetryMs, maxRetryMs } = this.options.timing;
    const base = Math.min(maxRetryMs, minRetryMs * 2 ** Math.min(20, Math.max(0, this.failures - 1)));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  private async startProber(): Promise<void> {
    if (this.proberRunning) return;
    this.proberRunning = true;
    try {
      while (this.current.state === 'offline' && !this.closing.signal.aborted) {
        await sleep(this.retryDelay(), this.closing.signal);
        if (this.closing.signal.aborted) break;
        try {
          await this.request(this.probePath, { bypassGate: true });
        } catch {
          // request() recorded the problem; the loop waits longer and tries again.
        }
      }
    } finally {
      this.proberRunning = false;
    }
  }
}

/** Reads the whole body; `onChunk` runs for every piece that arrives (long polls re-arm their timer). */
async function readBody(response: Response, onChunk: () => void): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk();
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** `kassa_sales/_changes?…` → `kassa_sales`; `_session` → null. */
export function databaseOf(path: string): string | null {
  const first = path.split(/[/?]/)[0] ?? '';
  return first && !first.startsWith('_') ? first : null;
}

function couchReason(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; reason?: unknown };
    return [body.error, body.reason].filter((v) => typeof v === 'string' && v).join(': ');
  } catch {
    return '';
  }
}
