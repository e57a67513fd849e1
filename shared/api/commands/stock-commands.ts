/**
 * Stock in the back office (managers): on hand per product with its minimum, adjustments with a reason, the
 * stocktake of a category or the whole store (counted on this till, posted as one batch), and the low-stock list.
 * Quantities are integer thousandths of the product's unit (1000 = one piece or 1 kg); values integer minor units
 * at the product's selling price (products carry no cost price).
 */
import { z } from 'zod';
import type { CurrencyCode, ProductUnit } from '../../model';
import { ADJUST_REASONS } from '../../stock/stock-rules';
import { command, entityId } from '../command-spec';

/** Whole thousandths; the unit's own rules (pieces whole) are checked by the core against the product. */
const qtyMilli = z.number().int('Quantities are whole thousandths (0.001 kg at most)').min(0).max(1_000_000_000);
const page = { limit: z.number().int().min(1).max(200), offset: z.number().int().min(0).max(1_000_000).optional() };
const note = z.string().trim().max(200, 'Note: at most 200 characters').regex(/^[^\p{Cc}]*$/u, 'Note: no control characters');

export interface StockRowView {
  productId: string;
  sku: string;
  name: string;
  categoryId: string;
  unit: ProductUnit;
  price: number;
  currency: CurrencyCode;
  onHandMilli: number;
  /** 0: no minimum. */
  minStockMilli: number;
  /** On hand is below the minimum. */
  low: boolean;
}

export interface StockPage {
  /** How many products match in all (the page holds at most `limit`). */
  total: number;
  items: StockRowView[];
}

export interface StockAdjustment {
  movementId: string;
  /** Signed: what the movement added to (or took from) stock. */
  qtyMilli: number;
  row: StockRowView;
}

export interface StocktakeLineView {
  productId: string;
  sku: string;
  name: string;
  unit: ProductUnit;
  /** On hand when the product was counted; on hand now while it is not counted yet. */
  expectedMilli: number;
  countedMilli: number | null;
  /** counted − expected; 0 while not counted. */
  differenceMilli: number;
  /** The difference at the product's selling price. */
  differenceValue: number;
}

export type StocktakeStatus = 'open' | 'posting' | 'posted';

export interface StocktakeView {
  id: string;
  /** '' for the whole store. */
  categoryId: string;
  startedAt: string;
  startedBy: string;
  status: StocktakeStatus;
  /** Products counted so far, and how many of them differ from what was expected. */
  counted: number;
  differing: number;
  /** Σ differences at selling price (negative: stock is missing). */
  valueDifference: number;
  currency: CurrencyCode;
  /** Products in scope matching the query (the page holds at most `limit`). */
  total: number;
  lines: StocktakeLineView[];
}

export interface StocktakePosted {
  stocktakeId: string;
  /** Movements the posting consists of (one per counted product that differed). */
  movements: number;
  /** Of those, how many this call wrote (0 when the stocktake had been posted before). */
  written: number;
  valueDifference: number;
}

export const stockCommands = {
  /** On hand per active product, in name order or by search (name, SKU, barcode), optionally in one category. */
  'stock.list': command<StockPage>()(z.object({ query: z.string().max(100), categoryId: entityId.optional(), ...page }).strict(), 'manager', 'reads'),
  /**
   * received n: +n; damaged n: −n; counted n: on hand becomes n. One movement and one audit event; bad input
   * (zero, part pieces, an unknown or archived product, a count that changes nothing) writes nothing.
   */
  'stock.adjust': command<StockAdjustment>()(
    z.object({ productId: entityId, reason: z.enum(ADJUST_REASONS), qtyMilli, note: note.optional() }).strict(),
    'manager', 'writes',
  ),
  /** Active products whose on hand is below their minimum, lowest first relative to it. */
  'stock.low': command<StockPage>()(z.object(page).strict(), 'manager', 'reads'),

  /** Starts this till's stocktake of one category (or the whole store without one); refused while one is open. */
  'stocktake.start': command<StocktakeView>()(z.object({ categoryId: entityId.optional() }).strict(), 'manager', 'writes'),
  /** This till's stocktake (null when none was started): header, totals and one page of its products. */
  'stocktake.get': command<StocktakeView | null>()(
    z.object({ query: z.string().max(100), onlyCounted: z.boolean().optional(), ...page }).strict(),
    'manager', 'reads',
  ),
  /** Records a count (null clears it); what is on hand at that moment is what the count is compared with. */
  'stocktake.count': command<StocktakeLineView>()(
    z.object({ stocktakeId: entityId, productId: entityId, countedMilli: qtyMilli.nullable() }).strict(),
    'manager', 'writes',
  ),
  /** Posts every difference as one batch of movements (one write) and an audit event; posting again writes nothing. */
  'stocktake.post': command<StocktakePosted>()(z.object({ stocktakeId: entityId }).strict(), 'manager', 'writes'),
  /** Drops an open stocktake and its counts; nothing is posted. */
  'stocktake.cancel': command<{ cancelled: string }>()(z.object({ stocktakeId: entityId }).strict(), 'manager', 'writes'),
} as const;
