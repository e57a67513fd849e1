import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthStatus, SessionInfo } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/errors';

const call = vi.fn<(name: string, input: unknown) => Promise<ApiResult<unknown>>>();
const refusalListeners = new Set<(name: string, error: ApiError) => void>();
vi.mock('../api/client', () => ({
  api: { call: (name: string, input: unknown) => call(name, input), subscribe: () => () => undefined },
  onRefusal: (listener: (name: string, error: ApiError) => void) => {
    refusalListeners.add(listener);
    return () => refusalListeners.delete(listener);
  },
}));
const { startAuthSync, useAuthStore } = await import('./auth-store');

const clara = { id: 'u1', username: 'clara', displayName: 'Clara', role: 'clerk', credentialKind: 'pin', active: true } as const;
const session: SessionInfo = { user: clara, terminalId: 'T1', startedAt: '2026-01-01T10:00:00.000Z', mustChangeSecret: false };
const status = (over: Partial<AuthStatus> = {}): AuthStatus => ({ terminalId: 'T1', needsSetup: false, demo: true, users: [clara], session: null, ...over });

describe('auth store', () => {
  beforeEach(() => {
    call.mockReset();
    useAuthStore.setState({ phase: 'loading', problem: '', status: null, session: null });
  });

  it('shows the unavailable screen when the first status read fails', async () => {
    call.mockResolvedValue({ ok: false, error: { code: 'UNAVAILABLE', message: 'not answering' } });
    await useAuthStore.getState().refresh();
    expect(useAuthStore.getState()).toMatchObject({ phase: 'unavailable', problem: 'not answering' });
  });

  it('takes the session from auth.status', async () => {
    call.mockResolvedValue({ ok: true, value: status({ session }) });
    await useAuthStore.getState().refresh();
    expect(useAuthStore.getState()).toMatchObject({ phase: 'ready', session });
  });

  it('keeps the same session object when a replayed event repeats it', async () => {
    call.mockResolvedValue({ ok: true, value: status({ session }) });
    await useAuthStore.getState().refresh();
    const before = useAuthStore.getState().session;
    useAuthStore.getState().sessionChanged({ ...session, user: { ...clara } });
    expect(useAuthStore.getState().session).toBe(before);
  });

  it('returns to login and re-reads the user list when the session ends', async () => {
    call.mockResolvedValue({ ok: true, value: status({ session }) });
    await useAuthStore.getState().refresh();
    call.mockResolvedValue({ ok: true, value: status() });
    useAuthStore.getState().sessionChanged(null);
    expect(useAuthStore.getState().session).toBeNull();
    await vi.waitFor(() => expect(call).toHaveBeenCalledTimes(2));
  });

  it('after first-run set-up, no longer asks for set-up', async () => {
    call.mockResolvedValue({ ok: true, value: status({ needsSetup: true, users: [] }) });
    await useAuthStore.getState().refresh();
    useAuthStore.getState().sessionStarted(session);
    expect(useAuthStore.getState().status?.needsSetup).toBe(false);
    expect(useAuthStore.getState().session).toBe(session);
  });

  it('goes back to login when any call finds the session gone, and only then', async () => {
    call.mockResolvedValue({ ok: true, value: status({ session }) });
    const stop = startAuthSync();
    try {
      await vi.waitFor(() => expect(useAuthStore.getState().session).toEqual(session));
      call.mockResolvedValue({ ok: true, value: status() });
      for (const listener of refusalListeners) listener('cart.scan', { code: 'NOT_FOUND', message: 'No product has this barcode.' });
      expect(useAuthStore.getState().session).toEqual(session);
      for (const listener of refusalListeners) listener('cart.scan', { code: 'NOT_LOGGED_IN', message: 'Log in first.' });
      expect(useAuthStore.getState().session).toBeNull();
    } finally {
      stop();
    }
    expect(refusalListeners.size).toBe(0);
  });

  it('says whether the till answered the status read', async () => {
    call.mockResolvedValue({ ok: false, error: { code: 'RESTARTING', message: 'The till is restarting.' } });
    expect(await useAuthStore.getState().refresh()).toBe(false);
    call.mockResolvedValue({ ok: true, value: status() });
    expect(await useAuthStore.getState().refresh()).toBe(true);
  });
});
