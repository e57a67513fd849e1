/** A small till for component tests: a clerk, a store's settings, a receipt, and the reads the screens make. */
import type { AuthStatus, SessionInfo } from '../../shared/api/contract';
import type { CartView, CheckoutResult, StoreSettingsView } from '../../shared/api/commands/selling-commands';
import type { PaymentsStatus } from '../../shared/api/commands/payments-commands';
import type { SyncStatus } from '../../shared/api/commands/sync-commands';
import { ok, refused, type FakeBridge } from './fake-bridge';

export const CLARA = { id: 'u-clara', username: 'clara', displayName: 'Clara', role: 'clerk', credentialKind: 'pin', active: true } as const;
export const CLARA_SESSION: SessionInfo = { user: CLARA, terminalId: 'T1', startedAt: '2026-03-02T09:00:00.000Z', mustChangeSecret: false };
export const MARIA = { id: 'u-maria', username: 'maria', displayName: 'Maria', role: 'manager', credentialKind: 'pin', active: true } as const;
export const MARIA_SESSION: SessionInfo = { user: MARIA, terminalId: 'T1', startedAt: '2026-03-02T09:00:00.000Z', mustChangeSecret: false };

export function authStatus(session: SessionInfo | null): AuthStatus {
  return { terminalId: 'T1', needsSetup: false, demo: false, users: [CLARA], session };
}

/** A paired till with nothing waiting: the sync status screens show most of the day. */
export function syncStatus(more: Partial<SyncStatus> = {}): SyncStatus {
  return {
    state: 'online',
    server: 'http://couch.example:5984/',
    account: 'kassa_T1',
    problem: null,
    lastSyncedAt: null,
    pending: {},
    pendingTotal: 0,
    pendingCapped: false,
    rejected: 0,
    firstSync: null,
    ...more,
  };
}

/** Card payments as most of the day: the processor answers, nothing waits, a real card reader (no test cards). */
export function paymentsStatus(more: Partial<PaymentsStatus> = {}): PaymentsStatus {
  return {
    terminalId: 'T1',
    currency: 'EUR',
    processor: 'reachable',
    offlineCards: { enabled: false, perPaymentCap: 10_000, terminalCap: 100_000 },
    waiting: { count: 0, amount: 0 },
    offlineRoom: 100_000,
    forwarding: false,
    attention: 0,
    reader: { simulated: false, testCards: [] },
    ...more,
  };
}

/** The simulated reader's test cards, as the till lists them. */
export const SIMULATED_READER: PaymentsStatus['reader'] = {
  simulated: true,
  testCards: [
    { name: 'approve', label: 'Visa \u2022\u2022\u2022\u2022 4242 (approves)' },
    { name: 'decline', label: 'Visa \u2022\u2022\u2022\u2022 0002 (is declined)' },
    { name: 'insufficientFunds', label: 'Mastercard \u2022\u2022\u2022\u2022 9995 (has insufficient funds)' },
  ],
};

export const SETTINGS: StoreSettingsView = {
  storeName: 'Corner Shop',
  storeAddress: '1 Market Street',
  storeTaxId: 'DE123456789',
  receiptHeader: '',
  receiptFooter: 'Thank you for shopping with us.',
  currency: 'EUR',
  pricesIncludeTax: true,
  taxRates: { standard: 1900, reduced: 700, zero: 0 },
  taxRounding: 'per-line',
  cashRoundingIncrement: 1,
  clerkDiscountLimitBp: 1000,
  warnOnNegativeStock: true,
  requireOpenShift: false,
  cashVarianceLimit: 500,
  embeddedBarcodes: [],
  offlineCards: { enabled: false, perPaymentCap: 10_000, terminalCap: 100_000 },
};

/** The receipt the till would print for `cart` paid with `tenders`. */
export function receiptFor(cart: CartView, tenders: { method: 'cash' | 'card'; amount: number }[], changeDue: number): CheckoutResult {
  const tendered = tenders.reduce((sum, t) => sum + t.amount, 0);
  return {
    changeDue,
    receipt: {
      saleId: 'S-1',
      number: 'T1-000001',
      kind: 'sale',
      refNumber: '',
      terminalId: 'T1',
      clerkName: CLARA.displayName,
      createdAt: '2026-03-02T09:05:00.000Z',
      currency: cart.currency,
      store: { name: SETTINGS.storeName, address: SETTINGS.storeAddress, taxId: SETTINGS.storeTaxId, header: SETTINGS.receiptHeader, footer: SETTINGS.receiptFooter },
      lines: cart.lines.map((l) => ({
        name: l.name,
        sku: l.sku,
        qtyMilli: l.qtyMilli,
        unit: l.unit,
        unitPrice: l.unitPrice,
        discount: 0,
        lineTotal: l.lineTotal,
        taxClass: 'standard',
      })),
      subtotal: cart.total,
      discountTotal: 0,
      taxTotal: cart.taxTotal,
      total: cart.total,
      cashRounding: 0,
      taxBreakdown: [],
      payments: tenders.map((t) => ({ method: t.method, amount: t.amount, status: 'captured', card: t.method === 'card' ? 'Visa \u2022\u2022\u2022\u2022 4242' : '', offline: false })),
      tendered,
      changeDue,
      settlement: 'settled',
    },
  };
}

/** Answers what the selling screen reads when it opens: the cart, an empty catalog, the settings. */
export function answerSellingReads(bridge: FakeBridge, cart: CartView): void {
  bridge.answer('cart.get', () => ok(cart));
  bridge.answer('catalog.categories', () => ok([]));
  bridge.answer('catalog.quickKeys', () => ok([]));
  bridge.answer('catalog.summary', () => ok({ products: 0, categories: 0 }));
  bridge.answer('catalog.search', () => ok({ total: 0, items: [] }));
  bridge.answer('settings.get', () => ok(SETTINGS));
  // The status bar's sync badge stays hidden: sync is not what these tests are about.
  bridge.answer('sync.status', () => refused('FORBIDDEN', 'Sync is not set up on this till.'));
  bridge.answer('payments.status', () => ok(paymentsStatus()));
}
