/**
 * UI state of one clerk's selling session: the cart as the till service last described it, the selected line,
 * the open dialog and the latest problem. Every amount comes from the service; this store never computes money.
 * Cart edits run one after another, so fast scans land in the order they were scanned.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CartView, CheckoutResult, DiscountView, ProductView } from '../../../shared/api/commands/selling-commands';
import type { ApiError, ApiResult } from '../../../shared/api/errors';
import { isErrorCode, SELLING_ERRORS, type Approval, type CheckoutTender, type SellingApi } from '../../api/selling-api';
import { movedSelection, nextSelection, selectedLine } from './cart-selection';

export type CheckoutMode = 'cash' | 'card' | 'split';
export type TillView = 'sell' | 'returns' | 'history' | 'shift';

export type SellDialog =
  | { kind: 'checkout'; mode: CheckoutMode }
  | { kind: 'quantity'; lineId: string }
  /** A product sold by weight waits for its weight before it goes into the cart. */
  | { kind: 'weigh'; product: ProductView }
  | { kind: 'discount'; lineId: string | null }
  | { kind: 'park' }
  | { kind: 'parked' }
  | { kind: 'clear' }
  /** A manager must approve: `attempt` retries the refused edit with the typed credentials. */
  | { kind: 'approval'; reason: string; attempt: (approval: Approval) => Promise<ApiError | null> }
  | { kind: 'receipt'; result: CheckoutResult };

export interface SellState {
  view: TillView;
  cart: CartView | null;
  selectedLineId: string | null;
  dialog: SellDialog | null;
  alert: string | null;
  /** Cart edits sent and not yet answered. */
  pending: number;
  /** What is typed in the product search box. */
  query: string;

  load(): Promise<void>;
  cartChanged(cart: CartView): void;
  scan(code: string): Promise<void>;
  /** Resolves with the till's refusal (also shown as the alert), or null. */
  addProduct(productId: string, qtyMilli?: number): Promise<string | null>;
  setQuantity(lineId: string, qtyMilli: number): Promise<string | null>;
  stepQuantity(step: 1 | -1): Promise<void>;
  removeSelected(): Promise<void>;
  clear(): Promise<string | null>;
  discount(lineId: string | null, discount: DiscountView | null): Promise<string | null>;
  pay(tenders: CheckoutTender[]): Promise<ApiError | null>;
  park(note: string): Promise<string | null>;
  resume(parkedId: string): Promise<string | null>;
  select(lineId: string | null): void;
  moveSelection(step: 1 | -1): void;
  open(dialog: SellDialog): void;
  close(): void;
  setView(view: TillView): void;
  setQuery(query: string): void;
}

export type SellStore = StoreApi<SellState>;

const GONE: ApiResult<never> = { ok: false, error: { code: 'NOT_FOUND', message: 'That line is no longer in the cart.' } };

/** A scan's refusal always shows the code, even if the service's sentence does not repeat it. */
export function scanAlert(code: string, error: ApiError): string {
  return error.message.includes(code) ? error.message : `${error.message} (scanned: ${code})`;
}

export function createSellStore(api: SellingApi): SellStore {
  let queue: Promise<unknown> = Promise.resolve();

  return createStore<SellState>()((set, get) => {
    // Revisions only go up (across carts and restarts), so an older cart is a late answer or event: skip it.
    const apply = (cart: CartView): void =>
      set((s) => (s.cart && cart.revision < s.cart.revision ? s : { cart, selectedLineId: nextSelection(s.selectedLineId, s.cart, cart) }));

    /** Sends one cart edit after the ones before it; applies the new cart or returns the refusal. */
    const edit = (send: () => Promise<ApiResult<CartView>>): Promise<ApiError | null> => {
      set((s) => ({ pending: s.pending + 1 }));
      const run = queue.then(send).then((result) => {
        set((s) => ({ pending: s.pending - 1 }));
        if (!result.ok) return result.error;
        apply(result.value);
        set({ alert: null });
        return null;
      });
      queue = run.catch(() => undefined);
      return run;
    };
    const editWithAlert = async (send: () => Promise<ApiResult<CartView>>, describe = (e: ApiError) => e.message) => {
      const error = await edit(send);
      if (error) set({ alert: describe(error) });
    };

    return {
      view: 'sell',
      cart: null,
      selectedLineId: null,
      dialog: null,
      alert: null,
      pending: 0,
      query: '',

      async load() {
        const result = await api.call('cart.get', {});
        if (result.ok) apply(result.value);
        else set({ alert: result.error.message });
      },
      cartChanged: apply,
      scan: (code) => editWithAlert(() => api.call('cart.scan', { code }), (e) => scanAlert(code, e)),
      async addProduct(productId, qtyMilli) {
        const error = await edit(() => api.call('cart.addProduct', qtyMilli === undefined ? { productId } : { productId, qtyMilli }));
        if (error) set({ alert: error.message });
        return error?.message ?? null;
      },
      async setQuantity(lineId, qtyMilli) {
        const error = await edit(() => api.call('cart.setQuantity', { lineId, qtyMilli }));
        return error?.message ?? null;
      },
      async stepQuantity(step) {
        const lineId = get().selectedLineId;
        if (!lineId) return;
        // Read the quantity when the edit's turn comes: two quick "+" presses make two more, not one.
        await editWithAlert(async () => {
          const line = selectedLine(get().cart, lineId);
          if (!line || line.unit !== 'piece') return GONE;
          return api.call('cart.setQuantity', { lineId, qtyMilli: Math.max(1000, line.qtyMilli + step * 1000) });
        });
      },
      async removeSelected() {
        const lineId = get().selectedLineId;
        if (lineId) await editWithAlert(() => api.call('cart.removeLine', { lineId }));
      },
      async clear() {
        const error = await edit(() => api.call('cart.clear', {}));
        if (!error) set({ dialog: null, selectedLineId: null });
        return error?.message ?? null;
      },
      async discount(lineId, discount) {
        const send = (approval?: Approval) =>
          lineId === null
            ? api.call('cart.setCartDiscount', { discount, approval })
            : api.call('cart.setLineDiscount', { lineId, discount, approval });
        const error = await edit(() => send());
        if (!error) {
          set({ dialog: null });
          return null;
        }
        if (!isErrorCode(error, SELLING_ERRORS.approvalRequired)) return error.message;
        const attempt = async (approval: Approval) => {
          const refused = await edit(() => send(approval));
          if (!refused) set({ dialog: null });
          return refused;
        };
        set({ dialog: { kind: 'approval', reason: error.message, attempt } });
        return null;
      },
      async pay(tenders) {
        // Scans still on their way belong to this sale: pay for the cart they make.
        await queue;
        const cart = get().cart;
        if (!cart) return { code: 'CONFLICT', message: 'The cart is still loading. Try again.' };
        const result = await api.call('checkout.pay', { cartRevision: cart.revision, tenders });
        if (!result.ok) {
          // The cart changed under the clerk (another screen, a late event): show the current one.
          if (result.error.code === 'CONFLICT') void get().load();
          return result.error;
        }
        set({ dialog: { kind: 'receipt', result: result.value }, selectedLineId: null, alert: null });
        void get().load();
        return null;
      },
      async park(note) {
        await queue;
        const result = await api.call('cart.park', { note });
        if (!result.ok) return result.error.message;
        set({ dialog: null, selectedLineId: null });
        await get().load();
        return null;
      },
      async resume(parkedId) {
        const error = await edit(() => api.call('cart.resume', { parkedId }));
        if (!error) set({ dialog: null });
        return error?.message ?? null;
      },
      select: (lineId) => set({ selectedLineId: lineId }),
      moveSelection: (step) => set((s) => ({ selectedLineId: movedSelection(s.cart?.lines ?? [], s.selectedLineId, step) })),
      open: (dialog) => set({ dialog }),
      close: () => set({ dialog: null }),
      setView: (view) => set({ view, dialog: null }),
      setQuery: (query) => set({ query }),
    };
  });
}
