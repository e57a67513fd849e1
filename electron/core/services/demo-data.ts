/**
 * Demo mode: an empty store gets demo users (listed in the README) and a generated catalog, so a fresh
 * `npm start` can be tried at once. Demo ids are deterministic, so two demo tills seed identical documents.
 */
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import type { CredentialKind, UserDoc } from '../../../shared/model';
import type { Role } from '../../../shared/roles';
import { hashSecret } from '../auth/secret-hash';
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

export async function seedDemoUsers(ctx: CoreContext): Promise<number> {
  if ((await ctx.db.users.count().exec()) > 0) return 0;
  const at = isoNow(ctx);
  const docs: UserDoc[] = await Promise.all(
    DEMO_USERS.map(async (u, i) => ({
      id: `DEMO-U${i + 1}`,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      credentialKind: u.credentialKind,
      secretHash: await hashSecret(u.secret),
      active: true,
      createdAt: at,
      updatedAt: at,
    })),
  );
  const result = await ctx.db.users.bulkInsert(docs);
  if (result.error.length > 0) throw new Error(`Demo users not written: ${result.error.length} errors`);
  return docs.length;
}

/** Inserts generated categories and products in batches; returns how many products were written. */
export async function seedCatalog(ctx: CoreContext, products: number, seed = 1): Promise<number> {
  const catalog = generateCatalog({ products, seed, idPrefix: 'DEMO' });
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

export async function seedDemo(ctx: CoreContext, products = DEFAULT_DEMO_PRODUCTS): Promise<void> {
  const users = await seedDemoUsers(ctx);
  const seeded = (await ctx.db.products.count().exec()) === 0 ? await seedCatalog(ctx, products) : 0;
  if (users > 0 || seeded > 0) ctx.log.info('Demo data seeded', { users, products: seeded });
}
