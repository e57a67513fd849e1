import { describe, expect, it, vi } from 'vitest';
import type { PushMessage } from '../../shared/api/events';
import type { PushTarget, TillCore } from '../core/api/till-core-types';
import { channelIdFor, createIpcRelay, webContentsIdOf, type IpcCaller, type ScreenPort } from './ipc-relay';

function fakeCore() {
  const listeners = new Set<(target: PushTarget) => void>();
  const core = {
    terminalId: 'T1',
    dispatch: vi.fn(async (channelId: string, name: string, input: unknown) => ({ ok: true as const, value: { channelId, name, input } })),
    onPush: vi.fn((listener: (target: PushTarget) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    closeChannel: vi.fn(),
    close: vi.fn(async () => {}),
  } satisfies TillCore;
  const push = (target: PushTarget) => listeners.forEach((l) => l(target));
  return { core, push, listeners };
}

function fakePort(printed: { success: boolean; failureReason: string } = { success: true, failureReason: '' }) {
  return {
    sendTo: vi.fn<(id: number, m: PushMessage) => void>(),
    broadcast: vi.fn<(m: PushMessage) => void>(),
    print: vi.fn<ScreenPort['print']>(async () => printed),
  };
}

/** A core whose auth.status says whether someone is logged in on the asking screen. */
function coreWithSession(loggedIn: boolean) {
  const { core } = fakeCore();
  core.dispatch.mockImplementation(async (channelId: string, name: string, input: unknown) =>
    name === 'auth.status'
      ? { ok: true as const, value: { session: loggedIn ? { user: { username: 'clara' } } : null } as never }
      : { ok: true as const, value: { channelId, name, input } },
  );
  return core;
}

const quiet = { warn: vi.fn(), error: vi.fn() };
const ours: IpcCaller = { webContentsId: 7, frameUrl: 'app://kassa/index.html', isMainFrame: true };
const summary: PushMessage = { event: 'catalog.changed', payload: { products: 1, categories: 1 } };

describe('channel ids', () => {
  it('round-trip webContents ids and ignore other channels', () => {
    expect(channelIdFor(12)).toBe('wc:12');
    expect(webContentsIdOf('wc:12')).toBe(12);
    expect(webContentsIdOf('tab:12')).toBeNull();
    expect(webContentsIdOf('wc:')).toBeNull();
    expect(webContentsIdOf('wc:1x')).toBeNull();
  });
});

describe('ipc relay', () => {
  it('dispatches calls from our page on the screen\'s own channel', async () => {
    const { core } = fakeCore();
    const relay = createIpcRelay(core, fakePort(), quiet);
    const result = await relay.call(ours, 'catalog.summary', {});
    expect(core.dispatch).toHaveBeenCalledWith('wc:7', 'catalog.summary', {});
    expect(result).toEqual({ ok: true, value: { channelId: 'wc:7', name: 'catalog.summary', input: {} } });
  });

  it('refuses calls from foreign pages, sub-frames and closed frames without reaching the core', async () => {
    const { core } = fakeCore();
    const relay = createIpcRelay(core, fakePort(), quiet);
    const callers: IpcCaller[] = [
      { ...ours, frameUrl: 'https://evil.example/' },
      { ...ours, frameUrl: 'file:///tmp/x.html' },
      { ...ours, frameUrl: null },
      { ...ours, isMainFrame: false },
    ];
    for (const caller of callers) {
      const result = await relay.call(caller, 'auth.status', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('answers a non-text command name as unknown', async () => {
    const { core } = fakeCore();
    const relay = createIpcRelay(core, fakePort(), quiet);
    expect(await relay.call(ours, { toString: 1 }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('turns a core that throws into an INTERNAL error value', async () => {
    const { core } = fakeCore();
    core.dispatch.mockRejectedValueOnce(new Error('disk on fire'));
    const log = { warn: vi.fn(), error: vi.fn() };
    const relay = createIpcRelay(core, fakePort(), log);
    expect(await relay.call(ours, 'auth.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('routes pushes to one screen or to all, and stops on dispose', () => {
    const { core, push, listeners } = fakeCore();
    const port = fakePort();
    const relay = createIpcRelay(core, port, quiet);
    push({ channelId: 'wc:3', message: summary });
    push({ channelId: null, message: summary });
    push({ channelId: 'browser:abc', message: summary });
    expect(port.sendTo.mock.calls).toEqual([[3, summary]]);
    expect(port.broadcast.mock.calls).toEqual([[summary]]);
    relay.dispose();
    expect(listeners.size).toBe(0);
  });

  it('ends the screen\'s session when its webContents goes away', () => {
    const { core } = fakeCore();
    createIpcRelay(core, fakePort(), quiet).screenClosed(9);
    expect(core.closeChannel).toHaveBeenCalledWith('wc:9');
  });

  it('prints the asking screen on an 80 mm page as long as it asked, through the dialog when no printer is set', async () => {
    const port = fakePort();
    const relay = createIpcRelay(coreWithSession(true), port, quiet);
    expect(await relay.printReceipt(ours, { lengthMm: 143 })).toEqual({ ok: true, value: { printed: true } });
    expect(port.print).toHaveBeenCalledExactlyOnceWith(7, {
      silent: false,
      printBackground: false,
      color: false,
      margins: { marginType: 'none' },
      pageSize: { width: 80_000, height: 143_000 },
    });
  });

  it('prints silently to the configured receipt printer', async () => {
    const port = fakePort();
    const relay = createIpcRelay(coreWithSession(true), port, quiet, { receiptPrinter: 'EPSON_TM_T20III' });
    await relay.printReceipt(ours, { lengthMm: 90 });
    expect(port.print.mock.calls[0]![1]).toMatchObject({ silent: true, deviceName: 'EPSON_TM_T20III' });
  });

  it('prints nothing for a foreign page, a screen nobody is logged in on, or a bad page size', async () => {
    const port = fakePort();
    const loggedOut = createIpcRelay(coreWithSession(false), port, quiet);
    expect(await loggedOut.printReceipt(ours, { lengthMm: 90 })).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    const relay = createIpcRelay(coreWithSession(true), port, quiet);
    expect(await relay.printReceipt({ ...ours, frameUrl: 'https://evil.example/' }, { lengthMm: 90 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const bad of [null, 90, {}, { lengthMm: 0 }, { lengthMm: 39 }, { lengthMm: 5_001 }, { lengthMm: 90.5 }, { lengthMm: '90' }, { lengthMm: 90, deviceName: 'x' }]) {
      expect(await relay.printReceipt(ours, bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(port.print).not.toHaveBeenCalled();
  });

  it('tells the clerk when the printer fails, and treats a cancelled dialog as no print', async () => {
    const failing = createIpcRelay(coreWithSession(true), fakePort({ success: false, failureReason: 'Print job failed' }), quiet);
    const failed = await failing.printReceipt(ours, { lengthMm: 90 });
    expect(failed).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!failed.ok && failed.error.message).toMatch(/Print job failed.*print it again from the sales history/);
    const cancelled = createIpcRelay(coreWithSession(true), fakePort({ success: false, failureReason: 'Print job canceled' }), quiet);
    expect(await cancelled.printReceipt(ours, { lengthMm: 90 })).toEqual({ ok: true, value: { printed: false } });
    const port = fakePort();
    port.print.mockRejectedValueOnce(new Error('no cups'));
    const throwing = createIpcRelay(coreWithSession(true), port, quiet);
    expect(await throwing.printReceipt(ours, { lengthMm: 90 })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
