/**
 * The supervisor's rules, against stand-in core processes this test answers for (a real core process is in
 * core-process.test.ts): what a call gets when the core dies under it or restarts, what screens are told, how
 * restarts are paced, when a silent core is stopped, and how the sync account is relayed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PushTarget } from '../api/till-core-types';
import { createLogger } from '../log';
import { createMemoryCredentialStore } from '../sync/credential-store';
import type { CoreLink } from './core-link';
import type { CoreMessage, CoreStartOptions, HostMessage } from './core-protocol';
import { startSupervisedCore, type SupervisorTiming } from './core-supervisor';

class StandInCore implements CoreLink {
  readonly sent: HostMessage[] = [];
  exited = false;
  private messageListeners: ((message: CoreMessage) => void)[] = [];
  private exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  constructor(readonly pid: number) {}
  send(message: HostMessage): void {
    if (!this.exited) this.sent.push(message);
  }
  onMessage(listener: (message: CoreMessage) => void): void {
    this.messageListeners.push(listener);
  }
  onExit(listener: (code: number | null, signal: string | null) => void): void {
    this.exitListeners.push(listener);
  }
  kill(): void {
    this.exit(null, 'SIGKILL');
  }
  say(message: CoreMessage): void {
    for (const listener of this.messageListeners) listener(message);
  }
  exit(code: number | null, signal: string | null = null): void {
    if (this.exited) return;
    this.exited = true;
    for (const listener of this.exitListeners) listener(code, signal);
  }
  calls(): Extract<HostMessage, { type: 'call' }>[] {
    return this.sent.filter((m): m is Extract<HostMessage, { type: 'call' }> => m.type === 'call');
  }
  answerCalls(value: (name: string) => unknown = (name) => `answer to ${name}`): void {
    for (const call of this.calls()) this.say({ type: 'result', id: call.id, result: { ok: true, value: value(call.name) } });
  }
}

const OPTIONS: CoreStartOptions = {
  dataDir: '/nowhere',
  terminalId: 'T9',
  demo: false,
  sync: { url: null, credentials: { kind: 'file' } },
};

const TIMING: Partial<SupervisorTiming> = {
  restartMinMs: 100,
  restartMaxMs: 1_000,
  stableMs: 60_000,
  callWaitMs: 5_000,
  pingEveryMs: 1_000,
  hungAfterMs: 5_000,
  closeTimeoutMs: 2_000,
};

function standIns() {
  const cores: StandInCore[] = [];
  return {
    cores,
    spawn: () => {
      const core = new StandInCore(1000 + cores.length);
      cores.push(core);
      return core;
    },
    latest: () => cores[cores.length - 1]!,
  };
}

async function started(options: Partial<Parameters<typeof startSupervisedCore>[0]> = {}) {
  const fleet = standIns();
  const starting = startSupervisedCore({ spawn: fleet.spawn, options: OPTIONS, log: createLogger('test'), timing: TIMING, ...options });
  fleet.latest().say({ type: 'ready', terminalId: 'T9' });
  const core = await starting;
  const pushes: PushTarget[] = [];
  core.onPush((target) => pushes.push(target));
  return { core, fleet, pushes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('core supervisor', () => {
  it('starts the core with the options as data and relays calls and pushes both ways', async () => {
    const { core, fleet, pushes } = await started();
    const link = fleet.latest();
    expect(link.sent[0]).toEqual({ type: 'start', options: OPTIONS });
    const answer = core.dispatch('http:a', 'cart.get', {});
    link.answerCalls();
    expect(await answer).toEqual({ ok: true, value: 'answer to cart.get' });
    expect(link.calls()[0]).toMatchObject({ channelId: 'http:a', name: 'cart.get', input: {} });
    link.say({ type: 'push', target: { channelId: null, message: { event: 'sale.completed', payload: { number: 'T9-000001', total: 100, changeDue: 0, currency: 'EUR' } } } });
    expect(pushes.map((p) => p.message.event)).toEqual(['sale.completed']);
    core.closeChannel('http:a');
    expect(link.sent.at(-1)).toEqual({ type: 'closeChannel', channelId: 'http:a' });
    const closing = core.close();
    link.exit(0);
    await closing;
  });

  it('refuses to start when the core cannot open its data, with the core\u2019s reason', async () => {
    const fleet = standIns();
    const starting = startSupervisedCore({ spawn: fleet.spawn, options: OPTIONS, log: createLogger('test'), timing: TIMING });
    fleet.latest().say({ type: 'startFailed', message: 'The store is in use by another Kassa process' });
    await expect(starting).rejects.toThrow('in use by another Kassa process');
    expect(fleet.latest().exited).toBe(true);
    expect(fleet.cores).toHaveLength(1);
  });

  it('answers INTERRUPTED for a call the core died under, logs screens out, and restarts the core', async () => {
    vi.useFakeTimers();
    const { core, fleet, pushes } = await started();
    const first = fleet.latest();
    const inFlight = core.dispatch('http:a', 'checkout.pay', { cartRevision: 3, tenders: [] });
    first.exit(null, 'SIGKILL');
    const result = await inFlight;
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERRUPTED' } });
    expect(result.ok ? '' : result.error.message).toMatch(/may or may not have been done/);
    expect(pushes.map((p) => [p.channelId, p.message.event])).toEqual([
      [null, 'session.changed'],
      [null, 'core.state'],
    ]);
    expect(pushes[1]!.message.payload).toMatchObject({ state: 'restarting', restarts: 1 });
    expect(core.coreState.state).toBe('restarting');

    // A screen that calls meanwhile waits for the new core instead of failing.
    const waiting = core.dispatch('http:a', 'auth.status', {});
    expect(fleet.cores).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(fleet.cores).toHaveLength(2);
    const second = fleet.latest();
    expect(second.calls()).toHaveLength(0);
    second.say({ type: 'ready', terminalId: 'T9' });
    second.answerCalls();
    expect(await waiting).toEqual({ ok: true, value: 'answer to auth.status' });
    expect(pushes.at(-1)!.message).toEqual({ event: 'core.state', payload: { state: 'ready', message: 'The till is ready.', restarts: 1 } });
    expect(core.pid).toBe(second.pid);
  });

  it('answers RESTARTING when the core takes longer than a call may wait', async () => {
    vi.useFakeTimers();
    const { core, fleet } = await started();
    fleet.latest().exit(1);
    const waiting = core.dispatch('http:a', 'cart.get', {});
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'RESTARTING' } });
    // The new core never saw the call it did not answer in time.
    fleet.latest().say({ type: 'ready', terminalId: 'T9' });
    expect(fleet.latest().calls()).toHaveLength(0);
  });

  it('paces restarts of a core that keeps failing (100, 200, 400 ms …) and tells the screens to call IT', async () => {
    vi.useFakeTimers();
    const { core, fleet, pushes } = await started();
    fleet.latest().exit(1);
    const spawnedAfter: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = fleet.cores.length;
      let waited = 0;
      while (fleet.cores.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      spawnedAfter.push(waited);
      fleet.latest().say({ type: 'startFailed', message: 'disk full' });
    }
    expect(spawnedAfter).toEqual([100, 200, 400, 800, 1_000]);
    const last = pushes.filter((p) => p.message.event === 'core.state').at(-1)!.message.payload as { message: string; restarts: number };
    expect(last.message).toMatch(/disk full/);
    expect(last.message).toMatch(/call IT/);
    expect(last.restarts).toBe(6);
    expect(core.coreState.state).toBe('restarting');
  });

  it('stops a core that gives no sign of life, and starts a new one', async () => {
    vi.useFakeTimers();
    const { fleet } = await started();
    const hung = fleet.latest();
    // It answers pings for a while…
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      const ping = hung.sent.filter((m) => m.type === 'ping').at(-1) as { id: number };
      hung.say({ type: 'pong', id: ping.id });
    }
    expect(hung.exited).toBe(false);
    // …then nothing.
    await vi.advanceTimersByTimeAsync(6_000);
    expect(hung.exited).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(fleet.cores).toHaveLength(2);
  });

  it('closes the core cleanly, and stops one that does not close in time', async () => {
    vi.useFakeTimers();
    const { core, fleet } = await started();
    const link = fleet.latest();
    const closing = core.close();
    expect(link.sent.at(-1)).toEqual({ type: 'close' });
    await vi.advanceTimersByTimeAsync(2_000);
    await closing;
    expect(link.exited).toBe(true);
    expect(await core.dispatch('http:a', 'cart.get', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(fleet.cores).toHaveLength(1);
  });

  it('hands the host\u2019s sync account to every core it starts and keeps what the core pairs', async () => {
    vi.useFakeTimers();
    const hostCredentials = createMemoryCredentialStore({ url: 'http://couch.example/', username: 'kassa_T9', password: 'old' });
    const relayed: CoreStartOptions = { ...OPTIONS, sync: { url: null, credentials: { kind: 'relayed', current: null, location: '' } } };
    const { fleet } = await started({ options: relayed, hostCredentials });
    const start = (link: StandInCore) => link.sent[0] as Extract<HostMessage, { type: 'start' }>;
    expect(start(fleet.latest()).options.sync.credentials).toEqual({
      kind: 'relayed',
      current: { url: 'http://couch.example/', username: 'kassa_T9', password: 'old' },
      location: '(memory)',
    });
    fleet.latest().say({ type: 'credentials', credentials: { url: 'http://couch.example/', username: 'kassa_T9', password: 'new' } });
    expect(hostCredentials.load()?.password).toBe('new');
    fleet.latest().exit(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(start(fleet.latest()).options.sync.credentials).toMatchObject({ kind: 'relayed', current: { password: 'new' } });
    fleet.latest().say({ type: 'credentials', credentials: null });
    expect(hostCredentials.load()).toBeNull();
  });
});
