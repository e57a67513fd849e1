/**
 * RxDB JSON schemas: one per collection. Versions start at 0; a change to a schema bumps its version and adds a
 * migration strategy in migrations.ts (tested there). docs/data-model.md describes the same fields for readers
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
  UserDoc,
} from '../../../shared/model';
import {
  CREDENTIAL_KINDS,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  PRODUCT_UNITS,
  SALE_STATUSES,
  STOCK_REASONS,
  TAX_CLASSES,
} from '../../../shared/model';
import { ROLES } from '../../../shared/roles';

const id = { type: 'string', maxLength: 64 } as const;
const ref = { type: 'string', maxLength: 64 } as const;
const isoTime = { type: 'string', maxLength: 32 } as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
/** Money and quantities are integers; the bounds keep RxDB's number index strings fixed-width. */
const minor = { type: 'integer', minimum: -1e12, maximum: 1e12, multipleOf: 1 } as const;
const count = { type: 'integer', minimum: 0, maximum: 1e9, multipleOf: 1 } as const;
const oneOf = <T extends readonly string[]>(values: T) => ({ type: 'string', enum: [...values], maxLength: 32 }) as const;

export const productSchema: RxJsonSchema<ProductDoc> = {
  version: 0,
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
    active: { type: 'boolean' },
    searchText: text(300),
    updatedAt: isoTime,
    updatedBy: text(64),
  },
  required: ['id', 'sku', 'barcode', 'name', 'description', 'categoryId', 'price', 'currency', 'taxClass', 'unit', 'imageUrl', 'active', 'searchText', 'updatedAt', 'updatedBy'],
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
  },
  required: ['id', 'name', 'parentId', 'color', 'sortOrder', 'updatedAt'],
  indexes: ['sortOrder'],
  additionalProperties: false,
};

export const userSchema: RxJsonSchema<UserDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    username: text(32),
    displayName: text(64),
    role: oneOf(ROLES),
    credentialKind: oneOf(CREDENTIAL_KINDS),
    secretHash: text(256),
    active: { type: 'boolean' },
    createdAt: isoTime,
    updatedAt: isoTime,
  },
  required: ['id', 'username', 'displayName', 'role', 'credentialKind', 'secretHash', 'active', 'createdAt', 'updatedAt'],
  indexes: ['username'],
  additionalProperties: false,
};

const saleLine = {
  type: 'object',
  properties: {
    productId: ref,
    sku: text(32),
    name: text(200),
    qtyMilli: minor,
    unitPrice: minor,
    discount: minor,
    tax: minor,
    lineTotal: minor,
    taxClass: oneOf(TAX_CLASSES),
  },
  required: ['productId', 'sku', 'name', 'qtyMilli', 'unitPrice', 'discount', 'tax', 'lineTotal', 'taxClass'],
  additionalProperties: false,
} as const;

export const saleSchema: RxJsonSchema<SaleDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    number: text(40),
    seq: count,
    terminalId: text(24),
    clerkId: ref,
    createdAt: isoTime,
    currency: text(3),
    lines: { type: 'array', items: saleLine },
    subtotal: minor,
    discountTotal: minor,
    taxTotal: minor,
    total: minor,
    cashRounding: minor,
    status: oneOf(SALE_STATUSES),
  },
  required: ['id', 'number', 'seq', 'terminalId', 'clerkId', 'createdAt', 'currency', 'lines', 'subtotal', 'discountTotal', 'taxTotal', 'total', 'cashRounding', 'status'],
  indexes: [['terminalId', 'seq'], 'createdAt'],
  additionalProperties: false,
};

export const paymentSchema: RxJsonSchema<PaymentDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    saleId: ref,
    terminalId: text(24),
    method: oneOf(PAYMENT_METHODS),
    amount: minor,
    currency: text(3),
    status: oneOf(PAYMENT_STATUSES),
    createdAt: isoTime,
    reference: text(128),
  },
  required: ['id', 'saleId', 'terminalId', 'method', 'amount', 'currency', 'status', 'createdAt', 'reference'],
  indexes: ['saleId', 'status'],
  additionalProperties: false,
};

export const stockMovementSchema: RxJsonSchema<StockMovementDoc> = {
  version: 0,
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
  },
  required: ['id', 'productId', 'terminalId', 'qtyMilli', 'reason', 'refId', 'createdAt'],
  indexes: [['productId', 'createdAt']],
  additionalProperties: false,
};

export const shiftSchema: RxJsonSchema<ShiftDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    terminalId: text(24),
    openedBy: ref,
    openedAt: isoTime,
    openingFloat: minor,
    closedBy: ref,
    closedAt: isoTime,
    countedCash: minor,
    expectedCash: minor,
    status: oneOf(['open', 'closed'] as const),
  },
  required: ['id', 'terminalId', 'openedBy', 'openedAt', 'openingFloat', 'closedBy', 'closedAt', 'countedCash', 'expectedCash', 'status'],
  indexes: [['terminalId', 'openedAt']],
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
  properties: { id, value: text(10_000), updatedAt: isoTime, updatedBy: text(64) },
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
