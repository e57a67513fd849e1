/**
 * How documents written by an older till become today's. RxDB runs these strategies on the till's own store when a
 * schema's version goes up (keyed by the version migrated *to*); the sync pull runs the same ones on documents that
 * arrive from the server, which a till not upgraded yet (or this one before its upgrade) may have written in an
 * older shape. Each only fills in what is missing, so running it on a current document changes nothing.
 */
import type { PaymentDoc, ProductDoc, SaleTender, ShiftDoc } from '../model';

type Doc = Record<string, unknown>;
export type MigrationStrategy = (doc: Doc) => Doc;

/** A tender without a card (cash, or a card tender from before tenders named their card). */
const NO_CARD = { cardBrand: '', cardLast4: '', cardToken: '', originalReference: '', contact: '' } as const;
const TENDER_DEFAULTS: Omit<SaleTender, 'method' | 'amount' | 'tendered' | 'reference' | 'idempotencyKey'> = { ...NO_CARD, forwarding: '' };

export const MIGRATIONS: Readonly<Record<string, Readonly<Record<number, MigrationStrategy>>>> = {
  products: {
    /** Before the back office: one barcode, no picture, no minimum stock, quick keys chosen by the till. */
    1: (doc) => {
      const defaults: Pick<ProductDoc, 'extraBarcodes' | 'image' | 'minStockMilli' | 'quickKey'> = { extraBarcodes: [], image: '', minStockMilli: 0, quickKey: 0 };
      return { ...defaults, ...doc };
    },
  },
  users: {
    /** Before PIN resets: nobody has to change a secret. */
    1: (doc) => ({ mustChangeSecret: false, ...doc }),
  },
  shifts: {
    /**
     * A shift from before counting by denomination has no counts and no cash movements; a closed one keeps its
     * counted and expected cash, and its variance is their difference (no approval was asked then, no Z number).
     */
    1: (doc) => {
      const v0 = doc as unknown as Pick<ShiftDoc, 'status' | 'countedCash' | 'expectedCash'>;
      const defaults: Pick<ShiftDoc, 'openingCount' | 'movements' | 'closingCount' | 'variance' | 'varianceApprovedBy' | 'zNumber'> = {
        openingCount: [],
        movements: [],
        closingCount: [],
        variance: v0.status === 'closed' ? v0.countedCash - v0.expectedCash : 0,
        varianceApprovedBy: '',
        zNumber: 0,
      };
      return { ...defaults, ...doc };
    },
  },
  stock_movements: {
    /** Before stock adjustments had their own reasons: no note, nobody named. */
    1: (doc) => ({ note: '', userId: '', ...doc }),
  },
  sales: {
    1: (doc) => ({
      ...doc,
      // Card payments were keyed by their payment document's id (`<saleId>-P<n>`) before tenders named their key.
      tenders: ((doc.tenders ?? []) as Doc[]).map((tender, i) => ({
        ...TENDER_DEFAULTS,
        idempotencyKey: tender.method === 'card' ? `${String(doc.id)}-P${i + 1}` : '',
        ...tender,
      })),
    }),
  },
  payments: {
    1: (doc) => {
      const old = doc as Partial<PaymentDoc> & Pick<PaymentDoc, 'id' | 'method' | 'status' | 'createdAt'>;
      const defaults: Omit<PaymentDoc, 'id' | 'saleId' | 'terminalId' | 'method' | 'amount' | 'currency' | 'status' | 'createdAt' | 'reference'> = {
        kind: 'tender',
        // Card payments were always keyed by their own id at the processor.
        idempotencyKey: old.method === 'card' ? old.id : '',
        ...NO_CARD,
        offline: false,
        clerkId: '',
        resolves: '',
        reason: '',
        attempts: old.method === 'card' ? 1 : 0,
        updatedAt: old.createdAt,
        settledAt: old.status === 'captured' || old.status === 'refunded' ? old.createdAt : '',
      };
      return { ...defaults, ...doc };
    },
  },
};

/** Every strategy of the collection in order: an older document in today's shape, a current one unchanged. */
export function upgradeDoc<T>(collection: string, doc: T): T {
  const strategies = MIGRATIONS[collection];
  if (!strategies) return doc;
  let out = doc as unknown as Doc;
  for (const version of Object.keys(strategies).map(Number).sort((a, b) => a - b)) out = strategies[version]!(out);
  return out as T;
}

