/**
 * What the customer sees, kept live: the till's cart (display.current, then cart.changed) and, after a sale,
 * its total and change until the next cart starts. No login: display.current is public and shows no secrets.
 */
import { useEffect, useState } from 'react';
import type { CartView, SellingEvents } from '../../../shared/api/commands/selling-commands';
import { api } from '../../api/client';
import { sellingApi } from '../../api/selling-api';

export type DisplayState =
  | { kind: 'connecting' }
  | { kind: 'cart'; cart: CartView | null }
  | { kind: 'thanks'; sale: SellingEvents['sale.completed'] };

/** The next display state for a new cart: a finished sale stays up until the next cart has lines. */
export function onCart(state: DisplayState, cart: CartView | null): DisplayState {
  if (state.kind === 'thanks' && (cart === null || cart.lines.length === 0)) return state;
  return { kind: 'cart', cart };
}

export function useCustomerDisplay(): DisplayState {
  const [state, setState] = useState<DisplayState>({ kind: 'connecting' });

  useEffect(() => {
    let live = true;
    const read = () =>
      void sellingApi.call('display.current', {}).then((result) => {
        if (live && result.ok) setState((s) => onCart(s, result.value));
      });
    read();
    const stops = [
      sellingApi.subscribe('cart.changed', (cart) => setState((s) => onCart(s, cart))),
      sellingApi.subscribe('sale.completed', (sale) => setState({ kind: 'thanks', sale })),
      // The push channel replays the session after it reconnects: the moment to catch up on missed carts.
      api.subscribe('session.changed', read),
    ];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, []);

  return state;
}
