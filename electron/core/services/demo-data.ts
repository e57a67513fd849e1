/**
 * Demo mode: an empty store gets demo users (listed in the README) and a generated catalog, so a fresh
 * `npm start` can be tried at once. Demo ids are deterministic, so two demo tills seed identical documents.
 */
import { DEFAULT_CATALOG_TIME, generateCatalog } from '../../../shared/catalog/generate-catalog';
import { productSearchText } from '../../../shared/catalog/product-draft';
import type { CredentialKind, ProductDoc, StockMovementDoc, UserDoc } from '../../../shared/model';
import type { Role } from '../../../shared/roles';
import { hashSecret } from '../auth/secret-hash';
import { DEFAULT_SETTINGS, STORE_SETTINGS_ID } from '../selling/store-settings';
import { isoNow, type CoreContext } from './core-context';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  credentialKind: CredentialKind;
  secret: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'clara', displayName: 'Clara Clerk', role: 'clerk', credentialKind: 'pin', secret: '1234' },
  { username: 'carl', displayName: 'Carl Clerk', role: 'clerk', credentialKind: 'pin', secret: '2345' },
  { username: 'maria', displayName: 'Maria Manager', role: 'manager', credentialKind: 'pin', secret: '4321' },
  { username: 'admin', displayName: 'Ada Admin', role: 'admin', credentialKind: 'password', secret: 'kassa-admin1' },
];

export const DEFAULT_DEMO_PRODUCTS = 2_000;
const BATCH = 5_000;

/** The demo users as stored (secrets hashed), created at `at`, with ids `<idPrefix>-U1`… */
export function demoUserDocs(at: string, idPrefix = 'DEMO'): Promise<UserDoc[]> {
  return Promise.all(
    DEMO_USERS.map(async (u, i) => ({
      id: `${idPrefix}-U${i + 1}`,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      credentialKind: u.credentialKind,
      secretHash: await hashSecret(u.secret),
      mustChangeSecret: false,
      active: true,
      createdAt: at,
      updatedAt: at,
    })),
  );
}

export async function seedDemoUsers(ctx: CoreContext): Promise<number> {
  if ((await ctx.db.users.count().exec()) > 0) return 0;
  const docs = await demoUserDocs(isoNow(ctx));
  const result = await ctx.db.users.bulkInsert(docs);
  if (result.error.length > 0) throw new Error(`Demo users not written: ${result.error.length} errors`);
  return docs.length;
}

/** Inserts generated categories and products in batches; returns how many products were written. */
export async function seedCatalog(ctx: Pick<CoreContext, 'db'>, products: number, seed = 1): Promise<number> {
  return insertCatalog(ctx, generateCatalog({ products, seed, idPrefix: 'DEMO' }));
}

async function insertCatalog(ctx: Pick<CoreContext, 'db'>, catalog: ReturnType<typeof generateCatalog>): Promise<number> {
  const categories = await ctx.db.categories.bulkInsert(catalog.categories);
  let written = 0;
  for (let start = 0; start < catalog.products.length; start += BATCH) {
    const result = await ctx.db.products.bulkInsert(catalog.products.slice(start, start + BATCH));
    // A conflict means the document is already there (same deterministic id): that is the wanted state.
    const failed = result.error.filter((e) => e.status !== 409);
    if (failed.length > 0) throw new Error(`Catalog seeding failed for ${failed.length} products`);
    written += result.success.length;
  }
  if (categories.error.some((e) => e.status !== 409)) throw new Error('Catalog seeding failed for categories');
  return written;
}

/**
 * Items weighed or priced at the counter, printed on scale labels (prefix 21/22: price, 23/24: weight, 5-digit
 * item code = the SKU, 5-digit value): e.g. 2300001007502 is 0.750 kg of tomatoes, 2100002003455 cheese for 3.45.
 */
export const DEMO_SCALE_ITEMS: readonly Pick<ProductDoc, 'id' | 'sku' | 'name' | 'categoryId' | 'price' | 'unit'>[] = [
  { id: 'DEMO-SCALE1', sku: '00001', name: 'Vine tomatoes, loose, per kg', categoryId: 'DEMO-CVEG', price: 349, unit: 'kg' },
  { id: 'DEMO-SCALE2', sku: '00002', name: 'Mountain cheese from the counter', categoryId: 'DEMO-CCHS', price: 2490, unit: 'kg' },
  { id: 'DEMO-SCALE3', sku: '00003', name: 'Minced beef from the counter, per kg', categoryId: 'DEMO-CMEA', price: 1190, unit: 'kg' },
];

/** Opening stock for the demo catalog (a `receipt` movement per product), so stock warnings mean something. */
const DEMO_OPENING_STOCK: Record<ProductDoc['unit'], number> = { piece: 24_000, kg: 40_000 };
const DEMO_COUNTER_MINIMUM = 5000;

async function seedDemoStore(ctx: CoreContext, products: readonly ProductDoc[]): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, storeName: 'Kassa Demo Market', storeAddress: 'Marktplatz 1\n12345 Musterstadt', storeTaxId: 'DE123456789' };
  await ctx.db.settings.bulkInsert([{ id: STORE_SETTINGS_ID, value: JSON.stringify(settings), updatedAt: isoNow(ctx), updatedBy: 'seed' }]);
  const movements: StockMovementDoc[] = products.map((p) => ({
    id: `${p.id}-OPEN`,
    productId: p.id,
    terminalId: 'DEMO',
    qtyMilli: DEMO_OPENING_STOCK[p.unit],
    reason: 'receipt',
    refId: 'DEMO-OPENING-STOCK',
    createdAt: DEFAULT_CATALOG_TIME,
    note: 'Opening stock',
    userId: 'seed',
  }));
  for (let start = 0; start < movements.length; start += BATCH) {
    const result = await ctx.db.stock_movements.bulkInsert(movements.slice(start, start + BATCH));
    if (result.error.some((e) => e.status !== 409)) throw new Error('Demo opening stock not written');
  }
}

function scaleItems(): ProductDoc[] {
  return DEMO_SCALE_ITEMS.map((item) => ({
    ...item,
    barcode: '',
    description: 'Weighed or priced at the counter: scan the scale label.',
    currency: 'EUR',
    taxClass: 'reduced',
    imageUrl: '',
    extraBarcodes: [],
    image: '',
    // Counter goods are reordered below 5 kg: the demo's low-stock list has something to show.
    minStockMilli: DEMO_COUNTER_MINIMUM,
    quickKey: 0,
    active: true,
    searchText: productSearchText({ ...item, barcode: '', extraBarcodes: [] }),
    updatedAt: DEFAULT_CATALOG_TIME,
    updatedBy: 'seed',
  }));
}

export async function seedDemo(ctx: CoreContext, products = DEFAULT_DEMO_PRODUCTS): Promise<void> {
  const users = await seedDemoUsers(ctx);
  let seeded = 0;
  if ((await ctx.db.products.count().exec()) === 0) {
    const catalog = generateCatalog({ products, seed: 1, idPrefix: 'DEMO' });
    seeded = await insertCatalog(ctx, catalog);
    const scale = scaleItems();
    const result = await ctx.db.products.bulkInsert(scale);
    if (result.error.some((e) => e.status !== 409)) throw new Error('Demo scale items not written');
    await seedDemoStore(ctx, [...catalog.products, ...scale]);
  }
  if (users > 0 || seeded > 0) ctx.log.info('Demo data seeded', { users, products: seeded });
}
