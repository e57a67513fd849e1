/**
 * One clerk's selling session for the screens below it: a fresh store per login (nothing survives a change of
 * clerk), the cart kept live by cart.changed, and the till commands bound to this store and search box.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useStore } from 'zustand';
import type { SessionInfo } from '../../../shared/api/contract';
import { sellingApi, type SellingApi } from '../../api/selling-api';
import { modalDialogOpen } from '../../components/modal-dialog';
import { createSellStore, type SellState, type SellStore } from './sell-store';
import { tillCommands, tillContext, type TillCommandArgs, type TillCommandName, type TillContext } from './till-commands';

export interface SellSession {
  session: SessionInfo;
  api: SellingApi;
  store: SellStore;
  searchRef: RefObject<HTMLInputElement | null>;
  focusSearch(): void;
  /** What the till commands see now (or for `state`, when a selector reads a state of its own). */
  context(state?: SellState): TillContext;
  run<N extends TillCommandName>(name: N, ...args: TillCommandArgs<N>): boolean;
  can(name: TillCommandName, state: SellState): boolean;
}

const SellSessionContext = createContext<SellSession | null>(null);

export function SellSessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const [store] = useState(() => createSellStore(sellingApi));
  const searchRef = useRef<HTMLInputElement | null>(null);

  const value = useMemo<SellSession>(() => {
    const focusSearch = () => searchRef.current?.focus();
    const context = (state = store.getState()) => tillContext(state, focusSearch, modalDialogOpen());
    return {
      session,
      api: sellingApi,
      store,
      searchRef,
      focusSearch,
      context,
      run: (name, ...args) => tillCommands.run(name, context(), ...args),
      can: (name, state) => tillCommands.canRun(name, context(state)),
    };
  }, [session, store]);

  useEffect(() => {
    void store.getState().load();
    return sellingApi.subscribe('cart.changed', (cart) => store.getState().cartChanged(cart));
  }, [store]);

  return <SellSessionContext.Provider value={value}>{children}</SellSessionContext.Provider>;
}

export function useSellSession(): SellSession {
  const value = useContext(SellSessionContext);
  if (!value) throw new Error('useSellSession: no SellSessionProvider above this screen');
  return value;
}

/** A slice of the selling state; re-renders only when it changes. */
export function useSell<T>(selector: (state: SellState) => T): T {
  return useStore(useSellSession().store, selector);
}
