/** Test helpers for selling: a demo till (users, settings, a small catalog) plus products with known prices. */
import { completeBarcode } from '../../../../shared/catalog/barcodes';
import type { ProductDoc } from '../../../../shared/model';
import type { TillCoreOptions } from '../../api/till-core-types';
import { COLLECTIONS, type CollectionName } from '../../../../shared/db/collections';
import { openStandInProcessor, type StandInProcessor } from '../../payments/test-support/stand-in-processor';
import { openTempTill, type TempTill } from '../../test-support/temp-till';

/** The one screen of the till in these tests. */
export const TILL = 'test:till';

export interface TestProduct {
  id: string;
  name: string;
  price: number;
  barcode: string;
  sku: string;
  taxClass: ProductDoc['taxClass'];
  unit: ProductDoc['unit'];
}

/** Coffee 12.99 (19 %), bread 2.49 (7 %), a 10.13 item the stand-in card processor declines, apples per kg. */
export const COFFEE: TestProduct = { id: 'TEST-COFFEE', name: 'Test coffee beans 500 g', price: 1299, barcode: completeBarcode('ean13', '400000000001'), sku: 'TST-00001', taxClass: 'standard', unit: 'piece' };
export const BREAD: TestProduct = { id: 'TEST-BREAD', name: 'Test rye bread', price: 249, barcode: completeBarcode('ean13', '400000000002'), sku: 'TST-00002', taxClass: 'reduced', unit: 'piece' };
export const DECLINED: TestProduct = { id: 'TEST-WINE', name: 'Test red wine', price: 1013, barcode: completeBarcode('ean13', '400000000003'), sku: 'TST-00003', taxClass: 'standard', unit: 'piece' };
export const APPLES: TestProduct = { id: 'TEST-APPLES', name: 'Test apples loose per kg', price: 299, barcode: '', sku: '00777', taxClass: 'reduced', unit: 'kg' };
export const TEST_PRODUCTS = [COFFEE, BREAD, DECLINED, APPLES];

export function productDoc(p: TestProduct, more: Partial<ProductDoc> = {}): ProductDoc {
  return {
    id: p.id,
    sku: p.sku,
    barcode: p.barcode,
    name: p.name,
    description: '',
    categoryId: 'DEMO-CFRU',
    price: p.price,
    currency: 'EUR',
    taxClass: p.taxClass,
    unit: p.unit,
    imageUrl: '',
    extraBarcodes: [],
    image: '',
    minStockMilli: 0,
    quickKey: 0,
    active: true,
    searchText: `${p.name} ${p.sku} ${p.barcode}`.toLowerCase(),
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'test',
    ...more,
  };
}

/**
 * A demo till (clara 1234 clerk, maria 4321 manager, admin kassa-admin1) with the test products, clara logged in.
 * Cards go to the stand-in processor over HTTP (started for this till), unless the test passes its own.
 */
export interface SellingTill extends TempTill {
  /** The stand-in processor this till's cards go to (null when the test passed its own processor). */
  standIn: StandInProcessor | null;
}

export async function openSellingTill(options: Partial<TillCoreOptions> = {}): Promise<SellingTill> {
  const standIn = options.processor === undefined ? await openStandInProcessor() : null;
  const till = Object.assign(await openTempTill({ demo: true, demoProducts: 30, ...(standIn ? { processor: standIn.processor } : {}), ...options }), { standIn });
  if (standIn) till.onDispose(standIn.dispose);
  await till.db.products.bulkInsert(TEST_PRODUCTS.map((p) => productDoc(p)));
  await till.must(TILL, 'auth.login', { username: 'clara', secret: '1234' });
  return till;
}

export async function loginAs(till: TempTill, who: 'clara' | 'maria' | 'admin'): Promise<void> {
  const secret = { clara: '1234', maria: '4321', admin: 'kassa-admin1' }[who];
  await till.must(TILL, 'auth.login', { username: who, secret });
}

/** Every stored document's id and revision, per collection: to show that a refused command wrote nothing. */
export async function fingerprint(till: TempTill, names: CollectionName[] = Object.keys(COLLECTIONS) as CollectionName[]) {
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const docs = await till.db[name].find().exec();
    out[name] = docs.map((d) => `${d.primary}@${d.revision}`).sort();
  }
  return out;
}

/** The sale-side collections a refused checkout or return must leave alone. */
export const SALE_COLLECTIONS: CollectionName[] = ['sales', 'payments', 'stock_movements', 'audit_events'];
/** What moves money or stock: a refused checkout leaves these alone even when it audits cancelling a card. */
export const MONEY_COLLECTIONS: CollectionName[] = ['sales', 'payments', 'stock_movements'];
