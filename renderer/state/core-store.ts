/**
 * Whether the till core is there, as the host reports it (`core.state`) and as calls find it (RESTARTING), so the
 * screens can say "restarting" instead of hanging. Once the core is back, the session is read again: a restarted
 * core has logged everybody out. A payment or refund the core died in the middle of is remembered until the clerk
 * has read it, because it may or may not have happened and the screen that took it is gone with the session.
 */
import { create } from 'zustand';
import type { CommandName } from '../../shared/api/contract';
import type { CoreState } from '../../shared/api/core-state';
import type { ApiError } from '../../shared/api/errors';
import { api, onRefusal } from '../api/client';
import { useAuthStore } from './auth-store';

/** What the clerk must know about a money command that was cut off. */
export interface Interruption {
  title: string;
  /** What may have happened and what to check before doing it again. */
  advice: string;
  /** The core's own words. */
  message: string;
}

const MONEY_COMMANDS: Partial<Record<CommandName, { title: string; advice: string }>> = {
  'checkout.pay': {
    title: 'Payment interrupted',
    advice: 'The payment may or may not have gone through. Check the sales history before taking it again.',
  },
  'returns.create': {
    title: 'Refund interrupted',
    advice: 'The refund may or may not have been made. Check the sales history before refunding it again.',
  },
  'payments.collect': {
    title: 'Collection interrupted',
    advice: 'The payment may or may not have been collected. Check the payments to resolve before collecting it again.',
  },
};

/** The clerk-facing account of an INTERRUPTED money command; null for any other refusal. */
export function describeInterruption(name: CommandName, error: ApiError): Interruption | null {
  const known = MONEY_COMMANDS[name];
  return known && error.code === 'INTERRUPTED' ? { ...known, message: error.message } : null;
}

interface CoreStoreState {
  restarting: boolean;
  /** The host's (or the refusal's) sentence about the restart. */
  message: string;
  interruption: Interruption | null;
  coreStateChanged(state: CoreState): void;
  refused(name: CommandName, error: ApiError): void;
  dismissInterruption(): void;
}

export const useCoreStore = create<CoreStoreState>()((set) => ({
  restarting: false,
  message: '',
  interruption: null,

  coreStateChanged(state) {
    if (state.state === 'restarting') set({ restarting: true, message: state.message });
    else set({ restarting: false, message: '' });
  },
  refused(name, error) {
    if (error.code === 'RESTARTING') set({ restarting: true, message: error.message });
    const interruption = describeInterruption(name, error);
    if (interruption) set({ interruption });
  },
  dismissInterruption: () => set({ interruption: null }),
}));

export interface CoreSyncOptions {
  /** The pause between two attempts to reach a core that is not back yet. */
  retryMs?: number;
}

/**
 * Wires `core.state` and RESTARTING answers into the store; call once at start-up. While the core restarts, the
 * session is asked for again and again (one call at a time): a `ready` event that never arrives, because the push
 * channel was down at the time, must not leave the till behind the restart screen.
 */
export function startCoreSync({ retryMs = 2_000 }: CoreSyncOptions = {}): () => void {
  let stopped = false;
  let retrying = false;

  const sessionAgain = () => void useAuthStore.getState().refresh();
  const retry = async (): Promise<void> => {
    if (retrying) return;
    retrying = true;
    try {
      while (!stopped && useCoreStore.getState().restarting) {
        if (await useAuthStore.getState().refresh()) {
          useCoreStore.setState({ restarting: false, message: '' });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    } finally {
      retrying = false;
    }
  };
  const whenRestarting = () => {
    if (useCoreStore.getState().restarting) void retry();
  };

  const stops = [
    api.subscribe('core.state', (state) => {
      useCoreStore.getState().coreStateChanged(state);
      if (state.state === 'ready') sessionAgain();
      else whenRestarting();
    }),
    onRefusal((name, error) => {
      useCoreStore.getState().refused(name, error);
      whenRestarting();
    }),
  ];
  return () => {
    stopped = true;
    stops.forEach((stop) => stop());
  };
}
