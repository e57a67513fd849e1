/**
 * UI state for who is at the till. The main process is the authority: this store only mirrors what it said
 * (auth.status, login results, session.changed events) so the app can choose a screen.
 */
import { create } from 'zustand';
import type { AuthStatus, SessionInfo } from '../../shared/api/contract';
import { api, onRefusal } from '../api/client';

export type AuthPhase = 'loading' | 'unavailable' | 'ready';

interface AuthState {
  phase: AuthPhase;
  /** Why the till service could not be reached, when phase is 'unavailable'. */
  problem: string;
  status: AuthStatus | null;
  session: SessionInfo | null;
  /** Reads auth.status again; resolves with whether the till answered it. */
  refresh(): Promise<boolean>;
  sessionStarted(session: SessionInfo): void;
  sessionChanged(session: SessionInfo | null): void;
}

function sameSession(a: SessionInfo | null, b: SessionInfo | null): boolean {
  return a?.user.id === b?.user.id && a?.startedAt === b?.startedAt && a?.user.role === b?.user.role && a?.mustChangeSecret === b?.mustChangeSecret;
}

export const useAuthStore = create<AuthState>()((set, get) => ({
  phase: 'loading',
  problem: '',
  status: null,
  session: null,

  async refresh() {
    const result = await api.call('auth.status', {});
    if (!result.ok) {
      // Keep showing the current screen if we already had one; a failed call there shows its own error.
      if (!get().status) set({ phase: 'unavailable', problem: result.error.message });
      return false;
    }
    const session = result.value.session;
    set((state) => ({
      phase: 'ready',
      problem: '',
      status: result.value,
      session: sameSession(state.session, session) ? state.session : session,
    }));
    return true;
  },

  sessionStarted(session) {
    set((state) => ({ session, status: state.status ? { ...state.status, needsSetup: false, session } : null }));
  },

  sessionChanged(session) {
    if (!sameSession(get().session, session)) set({ session });
    // Logged out (here or by another login): the login list may have changed too.
    if (session === null || !get().status) void get().refresh();
  },
}));

/** Wires push events and lost-session answers into the store; call once at start-up. */
export function startAuthSync(): () => void {
  const { sessionChanged, refresh } = useAuthStore.getState();
  const stops = [
    api.subscribe('session.changed', sessionChanged),
    onRefusal((_, error) => {
      if (error.code === 'NOT_LOGGED_IN') sessionChanged(null);
      // The core says this session must choose a new secret first, while the screen thought otherwise: read it again.
      if (error.code === 'SECRET_CHANGE_REQUIRED') void refresh();
    }),
  ];
  void refresh();
  return () => stops.forEach((stop) => stop());
}
