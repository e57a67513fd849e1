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
  active: boolean;
  /** Lower-cased name, SKU and barcode: what the catalog search matches against. */
  searchText: string;
  updatedAt: IsoTime;
  updatedBy: string;
}

export interface CategoryDoc {
  id: string;
  name: string;
  parentId: string;
  color: string;
  sortOrder: number;
  updatedAt: IsoTime;
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
  active: boolean;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

export interface SaleLine {
  productId: string;
  sku: string;
  name: string;
  qtyMilli: number;
  unitPrice: number;
  discount: number;
  tax: number;
  lineTotal: number;
  taxClass: TaxClass;
}

export const SALE_STATUSES = ['completed', 'voided'] as const;
export interface SaleDoc {
  id: string;
  /** Receipt number shown to people: `<terminalId>-<seq padded to 6>`. */
  number: string;
  /** Gap-free per terminal, from 1: the next sale's is the highest stored + 1, decided in the same write. */
  seq: number;
  terminalId: string;
  clerkId: string;
  createdAt: IsoTime;
  currency: CurrencyCode;
  lines: SaleLine[];
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  /** Cash rounding applied when the last tender was cash (e.g. -2 when 10.02 was paid as 10.00); else 0. */
  cashRounding: number;
  status: (typeof SALE_STATUSES)[number];
}

export const PAYMENT_METHODS = ['cash', 'card'] as const;
export const PAYMENT_STATUSES = ['captured', 'queued', 'declined', 'refunded'] as const;
export interface PaymentDoc {
  id: string;
  saleId: string;
  terminalId: string;
  method: (typeof PAYMENT_METHODS)[number];
  amount: number;
  currency: CurrencyCode;
  status: (typeof PAYMENT_STATUSES)[number];
  createdAt: IsoTime;
  reference: string;
}

export const STOCK_REASONS = ['sale', 'return', 'receipt', 'adjustment'] as const;
export interface StockMovementDoc {
  id: string;
  productId: string;
  terminalId: string;
  qtyMilli: number;
  reason: (typeof STOCK_REASONS)[number];
  refId: string;
  createdAt: IsoTime;
}

export interface ShiftDoc {
  id: string;
  terminalId: string;
  openedBy: string;
  openedAt: IsoTime;
  openingFloat: number;
  closedBy: string;
  closedAt: IsoTime;
  countedCash: number;
  expectedCash: number;
  status: 'open' | 'closed';
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
}

/** Terminal-local bookkeeping (lockouts, counters); never replicated. */
export interface LocalStateDoc {
  id: string;
  value: string;
  updatedAt: IsoTime;
}
