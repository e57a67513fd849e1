/**
 * The host's handle on a till core that runs in its own process: the same `TillCore` the hosts always used, plus
 * a supervisor behind it. A core that dies (or stops answering) is started again, with growing pauses if it keeps
 * failing; screens hear `core.state` and are logged out (sessions lived in the dead process). Nothing is lost in
 * silence: a call the core was working on when it died answers INTERRUPTED (it may or may not have happened), a
 * call that arrives while it restarts waits for the new core, or answers RESTARTING when that takes too long.
 */
import type { ApiResult, ErrorCode } from '../../../shared/api/errors';
import type { CoreState } from '../../../shared/api/core-state';
import type { PushTarget, TillCore } from '../api/till-core-types';
import type { Logger } from '../log';
import type { CredentialStore } from '../sync/credential-store';
import type { CoreLink, SpawnCore } from './core-link';
import type { CoreMessage, CoreStartOptions } from './core-protocol';

export interface SupervisorTiming {
  /** First pause before a restart; doubled after each failed one, up to restartMaxMs. */
  restartMinMs: number;
  restartMaxMs: number;
  /** A core that has run this long without failing counts as healthy again: the next restart pauses restartMinMs. */
  stableMs: number;
  /** How long a call waits for a (re)starting core before it answers RESTARTING. */
  callWaitMs: number;
  /** The core is asked for a sign of life this often… */
  pingEveryMs: number;
  /** …and one that gives none for this long is taken as hung: stopped and started again. */
  hungAfterMs: number;
  /** How long closing waits for the core to close its store before it is stopped the hard way. */
  closeTimeoutMs: number;
}

export const DEFAULT_SUPERVISOR_TIMING: SupervisorTiming = {
  restartMinMs: 250,
  restartMaxMs: 10_000,
  stableMs: 60_000,
  callWaitMs: 15_000,
  pingEveryMs: 5_000,
  hungAfterMs: 30_000,
  closeTimeoutMs: 10_000,
};

export interface SupervisorOptions {
  spawn: SpawnCore;
  options: CoreStartOptions;
  /** With `credentials: { kind: 'relayed' }`: where the host keeps the sync account (read at every start). */
  hostCredentials?: CredentialStore;
  log: Logger;
  timing?: Partial<SupervisorTiming>;
}

export interface SupervisedCore extends TillCore {
  readonly coreState: CoreState;
  /** The core process now running (for the log and for tests); undefined between two. */
  readonly pid: number | undefined;
}

type Settle = (result: ApiResult<unknown>) => void;

const failure = (code: ErrorCode, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

const INTERRUPTED = failure(
  'INTERRUPTED',
  'The till restarted before it answered: this may or may not have been done. Check (e.g. the sales history) before doing it again.',
);

/** Starts the core process and resolves once it is ready; a core that cannot start the first time rejects. */
export async function startSupervisedCore(options: SupervisorOptions): Promise<SupervisedCore> {
  const supervisor = new CoreSupervisor(options);
  await supervisor.firstStart();
  return supervisor;
}

class CoreSupervisor implements SupervisedCore {
  readonly terminalId: string;
  private readonly timing: SupervisorTiming;
  private readonly listeners = new Set<(target: PushTarget) => void>();
  private link: CoreLink | null = null;
  private ready = false;
  private closed = false;
  private state: CoreState = { state: 'restarting', message: 'The till is starting.', restarts: 0 };
  private nextId = 1;
  private readonly inFlight = new Map<number, Settle>();
  /** Calls waiting for a core that is (re)starting. */
  private readonly waiting = new Set<() => void>();
  private failuresInARow = 0;
  private readySince = 0;
  private lastSignOfLife = 0;
  private watchdog: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private started: { resolve(): void; reject(error: Error): void } | null = null;

  constructor(private readonly opts: SupervisorOptions) {
    this.terminalId = opts.options.terminalId;
    this.timing = { ...DEFAULT_SUPERVISOR_TIMING, ...opts.timing };
  }

  get coreState(): CoreState {
    return this.state;
  }

  get pid(): number | undefined {
    return this.link?.pid;
  }

  firstStart(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.started = { resolve, reject };
      this.spawn();
    });
  }

  dispatch(channelId: string, name: string, input: unknown): Promise<ApiResult<unknown>> {
    if (this.closed) return Promise.resolve(failure('UNAVAILABLE', 'The till is shutting down.'));
    if (this.ready && this.link) return this.send(this.link, channelId, name, input);
    return new Promise((resolve) => {
      const go = () => {
        clearTimeout(timer);
        this.waiting.delete(go);
        if (this.ready && this.link) resolve(this.send(this.link, channelId, name, input));
        else resolve(this.closed ? failure('UNAVAILABLE', 'The till is shutting down.') : failure('RESTARTING', this.state.message));
      };
      const timer = setTimeout(go, this.timing.callWaitMs);
      this.waiting.add(go);
    });
  }

  onPush(listener: (target: PushTarget) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  closeChannel(channelId: string): void {
    if (this.ready) this.link?.send({ type: 'closeChannel', channelId });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopTimers();
    this.releaseWaiting();
    const link = this.link;
    if (!link) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.opts.log.error('The till core did not close in time; stopping it', { pid: link.pid, timeoutMs: this.timing.closeTimeoutMs });
        link.kill();
      }, this.timing.closeTimeoutMs);
      link.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      link.send({ type: 'close' });
    });
    this.listeners.clear();
  }

  private send(link: CoreLink, channelId: string, name: string, input: unknown): Promise<ApiResult<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.inFlight.set(id, resolve);
      link.send({ type: 'call', id, channelId, name, input });
    });
  }

  private spawn(): void {
    const { options, hostCredentials } = this.opts;
    const credentials = options.sync.credentials.kind === 'relayed' && hostCredentials
      ? { kind: 'relayed' as const, current: hostCredentials.load(), location: hostCredentials.location }
      : options.sync.credentials;
    let link: CoreLink;
    try {
      link = this.opts.spawn();
    } catch (error) {
      this.opts.log.error('The till core process could not be started', { error });
      return this.failed(`the core process could not be started (${error instanceof Error ? error.message : String(error)})`);
    }
    this.link = link;
    link.onMessage((message) => {
      if (this.link === link) this.receive(link, message);
    });
    link.onExit((code, signal) => {
      if (this.link === link) this.exited(link, code, signal);
    });
    link.send({ type: 'start', options: { ...options, sync: { ...options.sync, credentials } } });
  }

  private receive(link: CoreLink, message: CoreMessage): void {
    this.lastSignOfLife = Date.now();
    switch (message.type) {
      case 'ready':
        return this.becameReady(link);
      case 'startFailed':
        this.opts.log.error('The till core could not start', { pid: link.pid, problem: message.message });
        if (this.started) {
          this.started.reject(new Error(message.message));
          this.started = null;
          this.closed = true;
        }
        this.link = null;
        link.kill();
        return this.closed ? undefined : this.failed(`it could not open its data (${message.message})`);
      case 'result': {
        const settle = this.inFlight.get(message.id);
        this.inFlight.delete(message.id);
        settle?.(message.result);
        return;
      }
      case 'push':
        return this.emit(message.target);
      case 'credentials':
        return this.keepCredentials(message.credentials);
      case 'pong':
      case 'closed':
        return;
    }
  }

  private becameReady(link: CoreLink): void {
    const restarted = this.state.restarts > 0;
    this.ready = true;
    this.readySince = Date.now();
    this.lastSignOfLife = this.readySince;
    this.setState({ state: 'ready', message: 'The till is ready.', restarts: this.state.restarts });
    if (restarted) this.opts.log.warn('The till core is running again', { pid: link.pid, restarts: this.state.restarts });
    this.started?.resolve();
    this.started = null;
    this.startWatchdog(link);
    this.releaseWaiting();
  }

  private exited(link: CoreLink, code: number | null, signal: string | null): void {
    this.link = null;
    this.stopTimers();
    const wasReady = this.ready;
    this.ready = false;
    for (const settle of this.inFlight.values()) settle(INTERRUPTED);
    this.inFlight.clear();
    if (this.closed) return;
    if (this.started) {
      this.started.reject(new Error(`The till core stopped while starting (exit ${code ?? signal})`));
      this.started = null;
      this.closed = true;
      return;
    }
    this.opts.log.error('The till core stopped; starting it again', { pid: link.pid, code, signal });
    if (wasReady) {
      // The sessions lived in the process that died: every screen goes back to its login.
      this.emit({ channelId: null, message: { event: 'session.changed', payload: null } });
      if (Date.now() - this.readySince >= this.timing.stableMs) this.failuresInARow = 0;
    }
    this.failed('it stopped unexpectedly');
  }

  /** The core is down: tell the screens, and start it again after a pause that grows while it keeps failing. */
  private failed(why: string): void {
    this.ready = false;
    const delay = Math.min(this.timing.restartMaxMs, this.timing.restartMinMs * 2 ** this.failuresInARow);
    this.failuresInARow += 1;
    const advice = this.failuresInARow > 3 ? ' If this goes on, call IT: the details are in the till\u2019s log.' : '';
    this.setState({
      state: 'restarting',
      message: `The till is restarting: ${why}. Your cart and completed sales are kept; log in again when it is back.${advice}`,
      restarts: this.state.restarts + 1,
    });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.closed) this.spawn();
    }, delay);
  }

  private startWatchdog(link: CoreLink): void {
    let pingId = 0;
    this.watchdog = setInterval(() => {
      if (Date.now() - this.lastSignOfLife > this.timing.hungAfterMs) {
        this.opts.log.error('The till core stopped answering; stopping it', { pid: link.pid, silentMs: Date.now() - this.lastSignOfLife });
        link.kill();
        return;
      }
      link.send({ type: 'ping', id: ++pingId });
    }, this.timing.pingEveryMs);
    this.watchdog.unref();
  }

  private stopTimers(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.watchdog = null;
    this.restartTimer = null;
  }

  private releaseWaiting(): void {
    for (const go of [...this.waiting]) go();
  }

  private keepCredentials(credentials: Parameters<CredentialStore['save']>[0] | null): void {
    const store = this.opts.hostCredentials;
    if (!store) return;
    try {
      if (credentials) store.save(credentials);
      else store.clear();
    } catch (error) {
      this.opts.log.error('The sync account could not be stored; pair the till again after a restart', { location: store.location, error });
    }
  }

  private setState(state: CoreState): void {
    this.state = state;
    this.emit({ channelId: null, message: { event: 'core.state', payload: state } });
  }

  private emit(target: PushTarget): void {
    for (const listener of this.listeners) {
      try {
        listener(target);
      } catch (error) {
        this.opts.log.warn('A push listener failed', { event: target.message.event, error });
      }
    }
  }
}
