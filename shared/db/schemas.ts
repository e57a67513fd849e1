/**
 * RxDB JSON schemas: one per collection. Versions start at 0; a change to a schema bumps its version and adds a
 * migration strategy to its collection in collections.ts (the mechanism is tested in
 * electron/core/db/migrations.test.ts). docs/data-model.md describes the same fields for readers
 * outside the app.
 */
import type { RxJsonSchema } from 'rxdb';
import type {
  AuditEventDoc,
  CategoryDoc,
  LocalStateDoc,
  PaymentDoc,
  ProductDoc,
  SaleDoc,
  SettingDoc,
  ShiftDoc,
  StockMovementDoc,
  TerminalStatusDoc,
  UserDoc,
} from '../model';
import {
  CASH_MOVEMENT_KINDS,
  CREDENTIAL_KINDS,
  FORWARDING,
  MAX_EXTRA_BARCODES,
  MAX_PRODUCT_IMAGE_CHARS,
  MAX_QUICK_KEY,
  PAYMENT_KINDS,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  PRODUCT_UNITS,
  SALE_KINDS,
  SALE_STATUSES,
  SHIFT_STATUSES,
  STOCK_REASONS,
  TAX_CLASSES,
  TENDER_METHODS,
} from '../model';
import { ROLES } from '../roles';

const id = { type: 'string', maxLength: 64 } as const;
const ref = { type: 'string', maxLength: 64 } as const;
const isoTime = { type: 'string', maxLength: 32 } as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
/** Money and quantities are integers; the bounds keep RxDB's number index strings fixed-width. */
const minor = { type: 'integer', minimum: -1e12, maximum: 1e12, multipleOf: 1 } as const;
const count = { type: 'integer', minimum: 0, maximum: 1e9, multipleOf: 1 } as const;
/**
 * Shared documents (catalog, users, settings) count their edits for the sync conflict rule
 * (electron/core/sync/conflict-rule.ts). Kept by RxDB hooks; optional so a document without it counts as 0.
 */
const edits = { type: 'integer', minimum: 0, maximum: 1e9, multipleOf: 1 } as const;
const oneOf = <T extends readonly string[]>(values: T) => ({ type: 'string', enum: [...values], maxLength: 32 }) as const;

export const productSchema: RxJsonSchema<ProductDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    sku: text(32),
    barcode: text(32),
    name: text(200),
    description: text(2000),
    categoryId: ref,
    price: minor,
    currency: text(3),
    taxClass: oneOf(TAX_CLASSES),
    unit: oneOf(PRODUCT_UNITS),
    imageUrl: text(500),
    extraBarcodes: { type: 'array', maxItems: MAX_EXTRA_BARCODES, items: text(32) },
    image: text(MAX_PRODUCT_IMAGE_CHARS),
    minStockMilli: count,
    quickKey: { type: 'integer', minimum: 0, maximum: MAX_QUICK_KEY, multipleOf: 1 },
    active: { type: 'boolean' },
    searchText: text(300),
    updatedAt: isoTime,
    updatedBy: text(64),
    edits,
  },
  required: [
    'id', 'sku', 'barcode', 'name', 'description', 'categoryId', 'price', 'currency', 'taxClass', 'unit', 'imageUrl',
    'extraBarcodes', 'image', 'minStockMilli', 'quickKey', 'active', 'searchText', 'updatedAt', 'updatedBy',
  ],
  indexes: ['sku', 'barcode', ['categoryId', 'name']],
  additionalProperties: false,
};

export const categorySchema: RxJsonSchema<CategoryDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    name: text(100),
    parentId: text(64),
    color: text(16),
    sortOrder: count,
    updatedAt: isoTime,
    edits,
  },
  required: ['id', 'name', 'parentId', 'color', 'sortOrder', 'updatedAt'],
  indexes: ['sortOrder'],
  additionalProperties: false,
};

export const userSchema: RxJsonSchema<UserDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    username: text(32),
    displayName: text(64),
    role: oneOf(ROLES),
    credentialKind: oneOf(CREDENTIAL_KINDS),
    secretHash: text(256),
    mustChangeSecret: { type: 'boolean' },
    active: { type: 'boolean' },
    createdAt: isoTime,
    updatedAt: isoTime,
    edits,
  },
  required: ['id', 'username', 'displayName', 'role', 'credentialKind', 'secretHash', 'mustChangeSecret', 'active', 'createdAt', 'updatedAt'],
  indexes: ['username'],
  additionalProperties: false,
};

const saleLine = {
  type: 'object',
  properties: {
    productId: ref,
    sku: text(32),
    name: text(200),
    unit: oneOf(PRODUCT_UNITS),
    qtyMilli: minor,
    unitPrice: minor,
    discount: minor,
    tax: minor,
    lineTotal: minor,
    taxClass: oneOf(TAX_CLASSES),
  },
  required: ['productId', 'sku', 'name', 'unit', 'qtyMilli', 'unitPrice', 'discount', 'tax', 'lineTotal', 'taxClass'],
  additionalProperties: false,
} as const;

const cardFields = { cardBrand: text(24), cardLast4: text(4), cardToken: text(128) } as const;

const saleTender = {
  type: 'object',
  properties: {
    method: oneOf(TENDER_METHODS),
    amount: minor,
    tendered: minor,
    reference: text(128),
    idempotencyKey: text(80),
    ...cardFields,
    forwarding: { type: 'string', enum: [...FORWARDING], maxLength: 8 },
    originalReference: text(128),
    contact: text(120),
  },
  required: [
    'method', 'amount', 'tendered', 'reference', 'idempotencyKey', 'cardBrand', 'cardLast4', 'cardToken', 'forwarding', 'originalReference', 'contact',
  ],
  additionalProperties: false,
} as const;

const saleTaxRow = {
  type: 'object',
  properties: { taxClass: oneOf(TAX_CLASSES), rateBp: count, base: minor, tax: minor },
  required: ['taxClass', 'rateBp', 'base', 'tax'],
  additionalProperties: false,
} as const;

export const saleSchema: RxJsonSchema<SaleDoc> = {
  // 1: tenders carry the card (brand, last four, token), whether it was taken offline, a refund's original reference.
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    number: text(40),
    seq: count,
    terminalId: text(24),
    clerkId: ref,
    createdAt: isoTime,
    kind: oneOf(SALE_KINDS),
    refSaleId: ref,
    refLines: { type: 'array', items: count, maxItems: 2000 },
    currency: text(3),
    pricesIncludeTax: { type: 'boolean' },
    lines: { type: 'array', items: saleLine, maxItems: 2000 },
    subtotal: minor,
    discountTotal: minor,
    taxTotal: minor,
    total: minor,
    taxBreakdown: { type: 'array', items: saleTaxRow, maxItems: 10 },
    cashRounding: minor,
    tenders: { type: 'array', items: saleTender, maxItems: 10 },
    approvedBy: ref,
    status: oneOf(SALE_STATUSES),
  },
  required: [
    'id', 'number', 'seq', 'terminalId', 'clerkId', 'createdAt', 'kind', 'refSaleId', 'refLines', 'currency', 'pricesIncludeTax',
    'lines', 'subtotal', 'discountTotal', 'taxTotal', 'total', 'taxBreakdown', 'cashRounding', 'tenders', 'approvedBy', 'status',
  ],
  // refSaleId: returns of a sale; number: a receipt looked up by what is printed on it.
  indexes: [['terminalId', 'seq'], 'createdAt', 'refSaleId', 'number'],
  additionalProperties: false,
};

export const paymentSchema: RxJsonSchema<PaymentDoc> = {
  // 1: a payment's life (queued, submitting, unknown, …), its kind, key, card and resolution.
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    saleId: ref,
    terminalId: text(24),
    kind: oneOf(PAYMENT_KINDS),
    method: oneOf(PAYMENT_METHODS),
    amount: minor,
    currency: text(3),
    status: oneOf(PAYMENT_STATUSES),
    createdAt: isoTime,
    reference: text(128),
    idempotencyKey: text(80),
    ...cardFields,
    offline: { type: 'boolean' },
    originalReference: text(128),
    contact: text(120),
    clerkId: ref,
    resolves: text(80),
    reason: text(300),
    attempts: count,
    updatedAt: isoTime,
    settledAt: isoTime,
  },
  required: [
    'id', 'saleId', 'terminalId', 'kind', 'method', 'amount', 'currency', 'status', 'createdAt', 'reference', 'idempotencyKey',
    'cardBrand', 'cardLast4', 'cardToken', 'offline', 'originalReference', 'contact', 'clerkId', 'resolves', 'reason', 'attempts',
    'updatedAt', 'settledAt',
  ],
  // status: this terminal's payments waiting to be forwarded, and the worklist; saleId: a sale's payments.
  indexes: ['saleId', 'status'],
  additionalProperties: false,
};

export const stockMovementSchema: RxJsonSchema<StockMovementDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    productId: ref,
    terminalId: text(24),
    qtyMilli: minor,
    reason: oneOf(STOCK_REASONS),
    refId: ref,
    createdAt: isoTime,
    note: text(200),
    userId: ref,
  },
  required: ['id', 'productId', 'terminalId', 'qtyMilli', 'reason', 'refId', 'createdAt', 'note', 'userId'],
  indexes: [['productId', 'createdAt']],
  additionalProperties: false,
};

const denominationCount = {
  type: 'object',
  properties: { value: { type: 'integer', minimum: 1, maximum: 1e9, multipleOf: 1 }, count },
  required: ['value', 'count'],
  additionalProperties: false,
} as const;

const cashMovement = {
  type: 'object',
  properties: {
    id: text(80),
    kind: oneOf(CASH_MOVEMENT_KINDS),
    amount: minor,
    reason: text(80),
    at: isoTime,
    by: ref,
  },
  required: ['id', 'kind', 'amount', 'reason', 'at', 'by'],
  additionalProperties: false,
} as const;

/** v1: denominations counted at open and close, cash movements, variance and its approval, Z number. */
export const shiftSchema: RxJsonSchema<ShiftDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    terminalId: text(24),
    openedBy: ref,
    openedAt: isoTime,
    openingFloat: minor,
    openingCount: { type: 'array', items: denominationCount, maxItems: 40 },
    movements: { type: 'array', items: cashMovement, maxItems: 2000 },
    closedBy: ref,
    closedAt: isoTime,
    closingCount: { type: 'array', items: denominationCount, maxItems: 40 },
    countedCash: minor,
    expectedCash: minor,
    variance: minor,
    varianceApprovedBy: ref,
    zNumber: count,
    status: oneOf(SHIFT_STATUSES),
  },
  required: [
    'id', 'terminalId', 'openedBy', 'openedAt', 'openingFloat', 'openingCount', 'movements', 'closedBy', 'closedAt', 'closingCount',
    'countedCash', 'expectedCash', 'variance', 'varianceApprovedBy', 'zNumber', 'status',
  ],
  indexes: [['terminalId', 'openedAt'], 'openedAt'],
  additionalProperties: false,
};

/** Version 0 of the shifts schema, kept for the migration test: what tills before v1 stored. */
export const SHIFT_V0_FIELDS = ['id', 'terminalId', 'openedBy', 'openedAt', 'openingFloat', 'closedBy', 'closedAt', 'countedCash', 'expectedCash', 'status'] as const;

export const terminalStatusSchema: RxJsonSchema<TerminalStatusDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: text(24),
    terminalId: text(24),
    updatedAt: isoTime,
    startedAt: isoTime,
    syncState: text(32),
    lastSyncedAt: isoTime,
    pendingTotal: count,
    pendingCapped: { type: 'boolean' },
    rejected: count,
    openShiftId: ref,
    openShiftBy: ref,
    openShiftAt: isoTime,
    lastSaleNumber: text(40),
    lastSaleAt: isoTime,
  },
  required: [
    'id', 'terminalId', 'updatedAt', 'startedAt', 'syncState', 'lastSyncedAt', 'pendingTotal', 'pendingCapped', 'rejected', 'openShiftId',
    'openShiftBy', 'openShiftAt', 'lastSaleNumber', 'lastSaleAt',
  ],
  additionalProperties: false,
};

export const auditEventSchema: RxJsonSchema<AuditEventDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    terminalId: text(24),
    at: isoTime,
    actorId: text(64),
    type: text(64),
    subjectId: text(64),
    details: { type: 'object', additionalProperties: true },
  },
  required: ['id', 'terminalId', 'at', 'actorId', 'type', 'subjectId', 'details'],
  indexes: ['at'],
  additionalProperties: false,
};

export const settingSchema: RxJsonSchema<SettingDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id, value: text(10_000), updatedAt: isoTime, updatedBy: text(64), edits },
  required: ['id', 'value', 'updatedAt', 'updatedBy'],
  additionalProperties: false,
};

export const localStateSchema: RxJsonSchema<LocalStateDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 128 }, value: text(100_000), updatedAt: isoTime },
  required: ['id', 'value', 'updatedAt'],
  additionalProperties: false,
};
