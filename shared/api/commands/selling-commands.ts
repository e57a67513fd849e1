/**
 * Selling at the till: catalog search and scanning, the cart, checkout, receipts, parked carts, returns, stock
 * and store settings. The main process owns the cart and computes every amount; screens show what it returns.
 * Money is integer minor units, quantities integer thousandths (`qtyMilli`), percentages basis points.
 */
import { z } from 'zod';
import type { CurrencyCode, PaymentDoc, ProductUnit, TaxClass, TenderMethod } from '../../model';
import type { SettlementState } from '../../payments/settlement';
import type { OfflineCardsView } from './payments-commands';
import { TAX_CLASSES } from '../../model';
import { command, entityId, noInput } from '../command-spec';
import { TEST_CARD_NAMES } from '../../payments/processor-api';

// ---- shared input pieces -------------------------------------------------------------------------------------
const minor = z.number().int().min(0).max(1e12);
const qtyMilli = z.number().int().min(1).max(1_000_000_000);
const bp = z.number().int().min(0).max(10_000);
const discount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), bp }).strict(),
  z.object({ kind: z.literal('amount'), minor }).strict(),
]);
/** A manager's credentials typed at the till to approve something a clerk may not do alone. */
const approval = z
  .object({
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,32}$/, 'Username: 2–32 letters, digits, dot, dash or underscore'),
    secret: z.string().min(4).max(128),
  })
  .strict();
/** A customer contact for a card taken offline: phone or e-mail as the clerk typed it; no control characters. */
const contact = z.string().trim().max(120, 'Contact: at most 120 characters').regex(/^[^\p{Cc}]*$/u, 'Contact: no control characters');
const tender = z
  .object({
    method: z.enum(['cash', 'card']),
    amount: z.number().int().min(1).max(1e12),
    /** Simulated card reader only: which test card is presented (shared/payments/processor-api.ts). */
    testCard: z.enum(TEST_CARD_NAMES).optional(),
    /** A contact in case a card taken offline is declined later. */
    contact: contact.optional(),
  })
  .strict()
  .refine((t) => t.method === 'card' || (t.testCard === undefined && t.contact === undefined), 'Only a card tender names a card or a contact');
/** Shown on screens and receipts: no control characters (an address may have line breaks). */
const storeText = (min: number, max: number, lines = false) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(lines ? /^(?:[^\p{Cc}]|\n)*$/u : /^[^\p{Cc}]*$/u, 'No control characters');
const receiptNumber = z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{1,24}-\d{1,9}$/, 'A receipt number looks like T1-000042');

// ---- views ----------------------------------------------------------------------------------------------------
export interface ProductView {
  id: string;
  sku: string;
  barcode: string;
  name: string;
  categoryId: string;
  price: number;
  currency: CurrencyCode;
  unit: ProductUnit;
  taxClass: TaxClass;
  imageUrl: string;
}

export interface CategoryView {
  id: string;
  name: string;
  color: string;
  sortOrder: number;
  productCount: number;
}

export interface SearchResult {
  /** How many products match in all (the list holds at most `limit` of them). */
  total: number;
  items: ProductView[];
}

export type DiscountView = { kind: 'percent'; bp: number } | { kind: 'amount'; minor: number };

export interface CartLineView {
  lineId: string;
  productId: string;
  sku: string;
  name: string;
  unit: ProductUnit;
  unitPrice: number;
  qtyMilli: number;
  discount: DiscountView | null;
  gross: number;
  /** Line discount plus this line's share of the cart discount. */
  discountTotal: number;
  tax: number;
  lineTotal: number;
  /** Stock on hand after this sale would go below zero (selling is still allowed). */
  stockWarning: boolean;
}

export interface TaxRowView {
  taxClass: TaxClass;
  rateBp: number;
  base: number;
  tax: number;
}

export interface CartView {
  /** Changes with every edit: checkout must name the cart it pays for. */
  revision: number;
  currency: CurrencyCode;
  lines: CartLineView[];
  discount: DiscountView | null;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  /** What to ask for when everything is paid in cash (after cash rounding). */
  cashTotal: number;
  taxBreakdown: TaxRowView[];
}

export interface ReceiptLineView {
  name: string;
  sku: string;
  qtyMilli: number;
  unit: ProductUnit;
  unitPrice: number;
  discount: number;
  lineTotal: number;
  taxClass: TaxClass;
}

export interface ReceiptView {
  saleId: string;
  number: string;
  kind: 'sale' | 'return';
  /** For a return: the receipt number of the sale it refunds. */
  refNumber: string;
  terminalId: string;
  clerkName: string;
  createdAt: string;
  currency: CurrencyCode;
  /** The store's name, address and tax id, and the lines the store prints above and below every receipt. */
  store: { name: string; address: string; taxId: string; header: string; footer: string };
  lines: ReceiptLineView[];
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  cashRounding: number;
  taxBreakdown: TaxRowView[];
  /** As the payment documents hold them now: negative for the refunds of a return. */
  payments: ReceiptPaymentView[];
  tendered: number;
  changeDue: number;
  /** Whether the sale's money is all in (shared/payments/settlement.ts). */
  settlement: SettlementState;
}

export interface ReceiptPaymentView {
  method: PaymentDoc['method'];
  amount: number;
  status: PaymentDoc['status'];
  /** e.g. "Visa •••• 4242"; '' for cash. */
  card: string;
  /** Accepted while the card processor could not be reached ("approved offline"). */
  offline: boolean;
}

export interface SaleSummary {
  saleId: string;
  number: string;
  kind: 'sale' | 'return';
  terminalId: string;
  clerkName: string;
  createdAt: string;
  total: number;
  currency: CurrencyCode;
  settlement: SettlementState;
}

export interface ParkedCartSummary {
  parkedId: string;
  note: string;
  parkedAt: string;
  parkedBy: string;
  lines: number;
  total: number;
}

export interface ReturnableLine {
  lineIndex: number;
  name: string;
  sku: string;
  unit: ProductUnit;
  soldQtyMilli: number;
  returnedQtyMilli: number;
  /** soldQtyMilli − returnedQtyMilli: the most that may still come back. */
  returnableQtyMilli: number;
  lineTotal: number;
}

export interface ReturnableSale {
  saleId: string;
  number: string;
  createdAt: string;
  currency: CurrencyCode;
  total: number;
  lines: ReturnableLine[];
  /** Tenders of the original sale, for "refund to original tender". */
  methods: TenderMethod[];
}

export interface StoreSettingsView {
  storeName: string;
  storeAddress: string;
  storeTaxId: string;
  /** Printed above the lines of every receipt (e.g. opening hours); '' for none. */
  receiptHeader: string;
  /** Printed at the end of every receipt (e.g. "Thank you — returns within 30 days"); '' for none. */
  receiptFooter: string;
  currency: CurrencyCode;
  pricesIncludeTax: boolean;
  taxRates: Record<TaxClass, number>;
  taxRounding: 'per-line' | 'per-total';
  cashRoundingIncrement: number;
  clerkDiscountLimitBp: number;
  /** Warn the clerk when a sale takes stock below zero. */
  warnOnNegativeStock: boolean;
  /** Checkout and returns refuse while no shift is open on the terminal. */
  requireOpenShift: boolean;
  /** A shift's cash variance beyond this (either way, minor units) needs a manager's approval at the close. */
  cashVarianceLimit: number;
  embeddedBarcodes: { prefixes: string[]; kind: 'price' | 'weight'; itemDigits: number; valueDigits: number }[];
  /** Cards taken while the processor cannot be reached (a manager turns it on: payments.setOfflineCards). */
  offlineCards: OfflineCardsView;
}

export interface CheckoutResult {
  receipt: ReceiptView;
  changeDue: number;
}

// ---- commands -------------------------------------------------------------------------------------------------
export const sellingCommands = {
  'catalog.categories': command<CategoryView[]>()(noInput, 'clerk', 'reads'),
  'catalog.search': command<SearchResult>()(
    z
      .object({
        query: z.string().max(100),
        categoryId: entityId.optional(),
        limit: z.number().int().min(1).max(200),
        offset: z.number().int().min(0).max(1_000_000).optional(),
      })
      .strict(),
    'clerk', 'reads',
  ),
  'catalog.quickKeys': command<ProductView[]>()(noInput, 'clerk', 'reads'),

  'cart.get': command<CartView>()(noInput, 'clerk', 'reads'),
  /** What a barcode scanner typed. Unknown or invalid codes are an error that names the code; nothing is added. */
  'cart.scan': command<CartView>()(z.object({ code: z.string().trim().min(1).max(64) }).strict(), 'clerk', 'writes'),
  'cart.addProduct': command<CartView>()(z.object({ productId: entityId, qtyMilli: qtyMilli.optional() }).strict(), 'clerk', 'writes'),
  'cart.setQuantity': command<CartView>()(z.object({ lineId: entityId, qtyMilli }).strict(), 'clerk', 'writes'),
  'cart.removeLine': command<CartView>()(z.object({ lineId: entityId }).strict(), 'clerk', 'writes'),
  /** Over the clerk's limit a manager's `approval` is needed (audited, naming both); null removes the discount. */
  'cart.setLineDiscount': command<CartView>()(
    z.object({ lineId: entityId, discount: discount.nullable(), approval: approval.optional() }).strict(),
    'clerk', 'writes',
  ),
  'cart.setCartDiscount': command<CartView>()(z.object({ discount: discount.nullable(), approval: approval.optional() }).strict(), 'clerk', 'writes'),
  'cart.clear': command<CartView>()(noInput, 'clerk', 'writes'),
  'cart.park': command<ParkedCartSummary>()(z.object({ note: storeText(0, 80) }).strict(), 'clerk', 'writes'),
  'cart.parked': command<ParkedCartSummary[]>()(noInput, 'clerk', 'reads'),
  'cart.resume': command<CartView>()(z.object({ parkedId: entityId }).strict(), 'clerk', 'writes'),

  /**
   * Pays for the current cart. `cartRevision` must match the cart the clerk saw; tenders in order (the last
   * cash tender gets cash rounding and gives change). Cards go to the processor (or are accepted offline when it
   * cannot be reached and the store allows it); then the sale is committed, and its payments, stock and audit follow.
   */
  'checkout.pay': command<CheckoutResult>()(
    z.object({ cartRevision: z.number().int().min(0), tenders: z.array(tender).min(1).max(10) }).strict(),
    'clerk', 'writes',
  ),

  'sales.recent': command<SaleSummary[]>()(z.object({ limit: z.number().int().min(1).max(200) }).strict(), 'clerk', 'reads'),
  'sales.receipt': command<ReceiptView>()(z.object({ number: receiptNumber }).strict(), 'clerk', 'reads'),

  'returns.lookup': command<ReturnableSale>()(z.object({ number: receiptNumber }).strict(), 'clerk', 'reads'),
  /** A clerk needs a manager's `approval`; a manager's own session approves. */
  'returns.create': command<CheckoutResult>()(
    z
      .object({
        saleId: entityId,
        lines: z.array(z.object({ lineIndex: z.number().int().min(0).max(1999), qtyMilli }).strict()).min(1).max(2000),
        refundTo: z.enum(['original', 'cash']),
        approval: approval.optional(),
      })
      .strict(),
    'clerk', 'writes',
  ),

  'stock.onHand': command<{ productId: string; qtyMilli: number }>()(z.object({ productId: entityId }).strict(), 'clerk', 'reads'),

  'settings.get': command<StoreSettingsView>()(noInput, 'clerk', 'reads'),
  'settings.update': command<StoreSettingsView>()(
    z
      .object({
        storeName: storeText(1, 80),
        storeAddress: storeText(0, 200, true),
        storeTaxId: storeText(0, 40),
        receiptHeader: storeText(0, 300, true),
        receiptFooter: storeText(0, 300, true),
        currency: z.string().regex(/^[A-Z]{3}$/, 'Currency: a three-letter ISO 4217 code like EUR'),
        pricesIncludeTax: z.boolean(),
        taxRates: z.object(Object.fromEntries(TAX_CLASSES.map((c) => [c, bp])) as Record<TaxClass, typeof bp>).strict(),
        taxRounding: z.enum(['per-line', 'per-total']),
        cashRoundingIncrement: z.number().int().min(1).max(100),
        clerkDiscountLimitBp: bp,
        warnOnNegativeStock: z.boolean(),
        requireOpenShift: z.boolean(),
        cashVarianceLimit: z.number().int().min(0).max(1e9),
        embeddedBarcodes: z
          .array(
            z
              .object({
                prefixes: z.array(z.string().regex(/^2\d$/)).min(1).max(10),
                kind: z.enum(['price', 'weight']),
                itemDigits: z.number().int().min(1).max(9),
                valueDigits: z.number().int().min(1).max(9),
              })
              .strict(),
          )
          .max(10),
        offlineCards: z
          .object({ enabled: z.boolean(), perPaymentCap: z.number().int().min(1).max(1e10), terminalCap: z.number().int().min(1).max(1e10) })
          .strict()
          .refine((v) => v.perPaymentCap <= v.terminalCap, 'The cap per card cannot exceed the cap per till'),
      })
      .partial()
      .strict()
      .refine((changes) => Object.keys(changes).length > 0, 'Nothing to change: name at least one setting'),
    'admin', 'writes',
  ),

  /** The customer display (a second window or page) may read the cart without a session: it shows no secrets. */
  'display.current': command<CartView | null>()(noInput, 'public', 'reads'),
} as const;

export interface SellingEvents {
  /** The terminal's cart changed: to the selling screen and every customer display. */
  'cart.changed': CartView;
  /**
   * After checkout: the customer display shows the total and change until the next cart starts. `total` is what the
   * customer paid, cash rounding included.
   */
  'sale.completed': { number: string; total: number; changeDue: number; currency: CurrencyCode };
}
