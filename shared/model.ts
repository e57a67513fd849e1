/**
 * The documents Kassa stores and (later) replicates. This is the contract other systems read from CouchDB:
 * keep docs/data-model.md true when it changes. Money is always an integer in minor units of `currency`;
 * quantities are integers in thousandths of the product's unit (1 piece = 1000, 0.250 kg = 250).
 */
import type { Role } from './roles';

export type IsoTime = string;
export type CurrencyCode = string;
export const TAX_CLASSES = ['standard', 'reduced', 'zero'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];
export const PRODUCT_UNITS = ['piece', 'kg'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

export interface ProductDoc {
  id: string;
  sku: string;
  barcode: string;
  name: string;
  description: string;
  categoryId: string;
  price: number;
  currency: CurrencyCode;
  taxClass: TaxClass;
  unit: ProductUnit;
  imageUrl: string;
  /** Barcodes besides `barcode` that scan to this product (a supplier's, an older pack's); at most MAX_EXTRA_BARCODES. */
  extraBarcodes: string[];
  /**
   * The product's picture as a `data:image/webp|jpeg|png;base64,` URL, resized on the till that chose it, or ''. It
   * lives in the document (the storage takes no attachments), so it syncs and shows offline; MAX_PRODUCT_IMAGE_CHARS
   * bounds what one product adds to every till's store.
   */
  image: string;
  /** Below this on hand (thousandths of the unit) the product is on the low-stock list; 0: no minimum. */
  minStockMilli: number;
  /** Its place among the sell screen's quick keys (1..MAX_QUICK_KEY), 0 for none. */
  quickKey: number;
  active: boolean;
  /** Lower-cased name, SKU and barcode: what the catalog search matches against. */
  searchText: string;
  updatedAt: IsoTime;
  updatedBy: string;
  /** Edits this version has seen (sync conflict rule: more edits wins). Kept by the store; absent counts as 0. */
  edits?: number;
}

export const MAX_EXTRA_BARCODES = 8;
/** About 48 KB of picture once decoded: a 256-pixel WebP or JPEG fits easily. */
export const MAX_PRODUCT_IMAGE_CHARS = 65_536;
export const MAX_QUICK_KEY = 48;

export interface CategoryDoc {
  id: string;
  name: string;
  parentId: string;
  color: string;
  sortOrder: number;
  updatedAt: IsoTime;
  /** Edits this version has seen (sync conflict rule: more edits wins). Kept by the store; absent counts as 0. */
  edits?: number;
}

export const CREDENTIAL_KINDS = ['pin', 'password'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export interface UserDoc {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  credentialKind: CredentialKind;
  /** `scrypt$N$r$p$<salt b64>$<hash b64>`: never leaves the main process. */
  secretHash: string;
  /** Set when a manager resets the PIN or password: the user must choose a new one at the next login. */
  mustChangeSecret: boolean;
  active: boolean;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  /** Edits this version has seen (sync conflict rule: more edits wins). Kept by the store; absent counts as 0. */
  edits?: number;
}

export interface SaleLine {
  productId: string;
  sku: string;
  name: string;
  /** The product's unit at the time of sale: how to read `qtyMilli` (1000 = one piece, or 1 kg). */
  unit: ProductUnit;
  qtyMilli: number;
  unitPrice: number;
  discount: number;
  tax: number;
  lineTotal: number;
  taxClass: TaxClass;
}

export const SALE_STATUSES = ['completed', 'voided'] as const;
export const SALE_KINDS = ['sale', 'return'] as const;
export type SaleKind = (typeof SALE_KINDS)[number];

/**
 * How a sale was paid (or a return refunded), written inside the sale document so the sale is complete in one
 * write; the payment documents are derived from these. Amounts are positive for both kinds.
 */
export interface SaleTender {
  method: TenderMethod;
  /** What the sale keeps (or the return pays back) from this tender. */
  amount: number;
  /** What the customer handed over; more than `amount` only for cash that gave change. */
  tendered: number;
  /** The card processor's reference (payment or refund); '' for cash and for a card taken offline (not forwarded yet). */
  reference: string;
  /** The key the processor knows this card payment by (a new one for each attempt at the counter); '' for cash. */
  idempotencyKey: string;
  /** The card as the reader gave it (never a card number): brand, last four digits, the processor's token; '' for cash. */
  cardBrand: string;
  cardLast4: string;
  cardToken: string;
  /**
   * '' when settled at the counter (cash, or a card the processor answered). A card accepted offline: 'queued' when
   * it never reached the processor, 'unknown' when it may have (sent without a trustworthy answer). Either way its
   * payment is forwarded later with the same key; only a 'queued' one can expire.
   */
  forwarding: (typeof FORWARDING)[number];
  /** A card refund: the processor's reference of the payment it pays back to; '' otherwise. */
  originalReference: string;
  /** A customer contact taken for a card accepted offline (in case it is declined later); '' when none. */
  contact: string;
}

/** Tax per rate as it applied at the time of sale, so a reprint years later shows the same rates. */
export interface SaleTaxRow {
  taxClass: TaxClass;
  rateBp: number;
  /** Amount of the lines of this class excluding tax. */
  base: number;
  tax: number;
}

export interface SaleDoc {
  id: string;
  /** Receipt number shown to people: `<terminalId>-<seq padded to 6>`. */
  number: string;
  /** Gap-free per terminal, from 1, shared by sales and returns: the highest stored + 1, used only by this insert. */
  seq: number;
  terminalId: string;
  clerkId: string;
  createdAt: IsoTime;
  /** 'return': a refund of lines of the sale `refSaleId`; its amounts are positive, its payments negative. */
  kind: SaleKind;
  /** For a return, the sale it refunds; '' for a sale. */
  refSaleId: string;
  /** For a return, the index in the referenced sale's `lines` of each of this document's lines; [] for a sale. */
  refLines: number[];
  currency: CurrencyCode;
  /** Whether `unitPrice` and line amounts include tax (EU shelf prices) or tax was added on top. */
  pricesIncludeTax: boolean;
  lines: SaleLine[];
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  taxBreakdown: SaleTaxRow[];
  /** Cash rounding applied when the last tender was cash (e.g. -2 when 10.02 was paid as 10.00); else 0. */
  cashRounding: number;
  tenders: SaleTender[];
  /** The manager who approved a discount on the sale, or the return itself; '' when nobody had to. */
  approvedBy: string;
  status: (typeof SALE_STATUSES)[number];
}

export const FORWARDING = ['', 'queued', 'unknown'] as const;

/** How a customer pays (or is paid back): the methods of a sale's tenders. */
export const TENDER_METHODS = ['cash', 'card'] as const;
export type TenderMethod = (typeof TENDER_METHODS)[number];
/** A payment document's method: a tender's, or 'none' for an amount written off. */
export const PAYMENT_METHODS = [...TENDER_METHODS, 'none'] as const;
/**
 * A payment's life (shared/payments/payment-states.ts says which changes are legal): `captured` money taken (or paid
 * back); `queued` a card accepted offline, waiting to be forwarded; `submitting` being forwarded now; `unknown`
 * forwarded without a trustworthy answer (settled by a look-up with the same key); `declined` and `expired` (not
 * forwarded within 24 h) need a manager; `handed_over` another terminal forwards it; `written_off` a manager gave the
 * amount up. `refunded` is kept for documents written before payments had a life.
 */
export const PAYMENT_STATUSES = ['captured', 'queued', 'submitting', 'unknown', 'declined', 'expired', 'handed_over', 'written_off', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/**
 * `tender`: derived from a sale document's tender (id `<saleId>-P<n>`); `collection`: another payment collected for
 * a declined or expired one; `write_off`: a declined or expired amount given up; `handover`: a queued card payment of
 * a terminal that is gone, forwarded by this one with the same idempotency key.
 */
export const PAYMENT_KINDS = ['tender', 'collection', 'write_off', 'handover'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** One payment of a sale or return. Tenders are derived from the sale document; the others are written for it later. */
export interface PaymentDoc {
  id: string;
  saleId: string;
  terminalId: string;
  kind: PaymentKind;
  method: (typeof PAYMENT_METHODS)[number];
  /** Signed: positive money taken for a sale, negative money paid back for a return. */
  amount: number;
  currency: CurrencyCode;
  status: PaymentStatus;
  createdAt: IsoTime;
  /** The processor's reference once it approved; '' for cash, write-offs and what is not approved yet. */
  reference: string;
  /** The processor's key for this card payment (the same for a handover as for the payment it takes over); '' for cash. */
  idempotencyKey: string;
  cardBrand: string;
  cardLast4: string;
  cardToken: string;
  /** Accepted while the processor could not be reached. */
  offline: boolean;
  /** A card refund: the reference of the payment it pays back to. */
  originalReference: string;
  /** A customer contact taken for an offline card. */
  contact: string;
  /** Who took it: the sale's clerk, or the manager who collected or wrote off. */
  clerkId: string;
  /** collection / write_off / handover: the idempotency key of the card payment they resolve or take over. */
  resolves: string;
  /** Why: a decline's reason from the processor, a write-off's reason from the manager; '' otherwise. */
  reason: string;
  /** Forwarding attempts so far. */
  attempts: number;
  updatedAt: IsoTime;
  /** When it reached a final state ('' until then). */
  settledAt: IsoTime | '';
}

/**
 * Why stock moved. `receipt`: goods received; `damaged`: written off as damaged or lost (v1); `count`: a counted
 * difference, from a manager's count of one product or a posted stocktake (v1); `adjustment`: before v1, any manual change.
 */
export const STOCK_REASONS = ['sale', 'return', 'receipt', 'adjustment', 'damaged', 'count'] as const;
export type StockReason = (typeof STOCK_REASONS)[number];
export interface StockMovementDoc {
  id: string;
  productId: string;
  terminalId: string;
  qtyMilli: number;
  reason: StockReason;
  refId: string;
  createdAt: IsoTime;
  /** The manager's note on an adjustment ('' for sales, returns and movements from before v1). */
  note: string;
  /** Who moved it: the clerk of a sale or return, the manager of an adjustment or stocktake ('' before v1). */
  userId: string;
}

/** Cash counted by denomination: `value` in minor units (a 20.00 note is 2000), `count` pieces of it. */
export interface DenominationCount {
  value: number;
  count: number;
}

export const CASH_MOVEMENT_KINDS = ['paid_in', 'paid_out', 'no_sale'] as const;
export type CashMovementKind = (typeof CASH_MOVEMENT_KINDS)[number];

/** Cash put into or taken out of the drawer outside a sale, or the drawer opened without one (`no_sale`, amount 0). */
export interface CashMovement {
  /** `<shiftId>-M<n>`, n from 1: also the id of its audit event. */
  id: string;
  kind: CashMovementKind;
  /** Positive; 0 for a no-sale. */
  amount: number;
  reason: string;
  at: IsoTime;
  /** The user who did it. */
  by: string;
}

export const SHIFT_STATUSES = ['open', 'closed'] as const;

/**
 * A till's shift: from the opening float (counted by denomination) to the counted close and its Z report. The
 * sales of the shift are this terminal's sales made between `openedAt` and `closedAt`. Owned by its terminal;
 * the opening never changes, and a closed shift is final.
 */
export interface ShiftDoc {
  id: string;
  terminalId: string;
  openedBy: string;
  openedAt: IsoTime;
  openingFloat: number;
  /** How the opening float was counted; [] for shifts from before counting by denomination. */
  openingCount: DenominationCount[];
  /** Paid-ins, paid-outs and no-sales, in order. */
  movements: CashMovement[];
  closedBy: string;
  closedAt: IsoTime;
  closingCount: DenominationCount[];
  countedCash: number;
  /** Opening float + cash sales − cash refunds + paid-ins − paid-outs, at the close. */
  expectedCash: number;
  /** countedCash − expectedCash (negative: cash is missing). */
  variance: number;
  /** The manager who approved a variance over the store's limit; '' when none had to. */
  varianceApprovedBy: string;
  /** The Z report's number, per terminal from 1; 0 while open. */
  zNumber: number;
  status: (typeof SHIFT_STATUSES)[number];
}

/**
 * What one terminal tells the others about itself (id = terminal id): written only by that terminal, replicated
 * to every till, so managers see every terminal's backlog, sync and shift.
 */
export interface TerminalStatusDoc {
  id: string;
  terminalId: string;
  /** When the terminal last wrote this: it writes at least every minute while it runs. */
  updatedAt: IsoTime;
  /** When its till core started. */
  startedAt: IsoTime;
  syncState: string;
  /** '' when it never completed a sync. */
  lastSyncedAt: string;
  /** Documents written there and not uploaded yet (its own status document left out). */
  pendingTotal: number;
  pendingCapped: boolean;
  rejected: number;
  /** '' when no shift is open there. */
  openShiftId: string;
  openShiftBy: string;
  openShiftAt: string;
  lastSaleNumber: string;
  lastSaleAt: string;
}

export interface AuditEventDoc {
  id: string;
  terminalId: string;
  at: IsoTime;
  /** User who acted, or '' when nobody was logged in (e.g. a failed login). */
  actorId: string;
  type: string;
  subjectId: string;
  details: Record<string, string | number | boolean>;
}

export interface SettingDoc {
  id: string;
  value: string;
  updatedAt: IsoTime;
  updatedBy: string;
  /** Edits this version has seen (sync conflict rule: more edits wins). Kept by the store; absent counts as 0. */
  edits?: number;
}

/** Terminal-local bookkeeping (lockouts, counters); never replicated. */
export interface LocalStateDoc {
  id: string;
  value: string;
  updatedAt: IsoTime;
}
