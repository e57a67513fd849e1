/**
 * Selling at the demo till like a clerk: a scanner is a keyboard that types fast and presses Enter; everything
 * else is found by role and label. Products come from the same generator the demo till seeds its catalog with,
 * so tests use real barcodes without hard-coding them.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { completeBarcode } from '../../shared/catalog/barcodes';
import { generateCatalog } from '../../shared/catalog/generate-catalog';
import type { ProductDoc } from '../../shared/model';
import { answerTo, logInWithPin, openLogin, type DemoUser } from './till';

/** What the demo till seeds: electron/core/services/demo-data.ts (seed 1, prefix DEMO) with scripts/e2e-till.ts's 500 products. */
const DEMO_CATALOG = generateCatalog({ products: 500, seed: 1, idPrefix: 'DEMO' });

/** Products sold by the piece, picked from the catalog by position so each test can use its own. */
export function pieceProducts(count: number, skip = 0): ProductDoc[] {
  const pieces = DEMO_CATALOG.products.filter((p) => p.unit === 'piece' && p.active);
  const picked = pieces.slice(skip, skip + count);
  if (picked.length < count) throw new Error(`The demo catalog has too few piece products for skip ${skip}`);
  return picked;
}

export function weighedProduct(): ProductDoc {
  const product = DEMO_CATALOG.products.find((p) => p.unit === 'kg' && p.active);
  if (!product) throw new Error('The demo catalog has no product sold by weight');
  return product;
}

/** A well-formed EAN-13 that no demo product carries. */
export function unknownBarcode(): string {
  const taken = new Set(DEMO_CATALOG.products.map((p) => p.barcode));
  for (let body = 400_999_000_000; ; body++) {
    const code = completeBarcode('ean13', String(body));
    if (!taken.has(code)) return code;
  }
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads "€12.34" (or "12,34 €") into minor units: test-side only, to check the till's own figures. */
export function minorFrom(text: string): number {
  const match = /(-|−)?\s*\D*?(\d[\d,.\s]*\d|\d)/.exec(text);
  if (!match) throw new Error(`No amount in "${text}"`);
  const digits = match[2]!.replace(/\D/g, '');
  return (match[1] ? -1 : 1) * Number(digits);
}

export const cartLines = (page: Page): Locator => page.getByRole('table', { name: 'Cart lines' });

export const cartRow = (page: Page, product: ProductDoc): Locator =>
  cartLines(page).getByRole('row', { name: new RegExp(escapeRegExp(product.name)) });

/** Logs in and opens the selling screen with an empty cart (the cart belongs to the till, so an earlier test may have left one). */
export async function startSelling(page: Page, user: DemoUser): Promise<void> {
  await openLogin(page);
  await logInWithPin(page, user);
  const startButton = page.getByRole('button', { name: 'Start selling' });
  if (await startButton.isVisible()) await startButton.click();
  await expect(page.getByRole('heading', { name: 'Cart', level: 2 })).toBeVisible();
  await expect(page.getByText(/^\d+ lines?$/)).toBeVisible();
  await clearCartIfAny(page);
  await expect(page.getByLabel('Search products')).toBeFocused();
}

export async function clearCartIfAny(page: Page): Promise<void> {
  const clear = page.getByRole('button', { name: 'Clear sale…' });
  if (!(await clear.isEnabled())) return;
  await clear.click();
  const dialog = page.getByRole('dialog', { name: 'Clear this sale?' });
  await answerTo(page, 'cart.clear', () => dialog.getByRole('button', { name: 'Clear sale' }).click());
  await expectEmptyCart(page);
}

export async function expectEmptyCart(page: Page): Promise<void> {
  await expect(page.getByText('The cart is empty. Scan a product or search for one.')).toBeVisible();
  await expect(page.getByText('0 lines', { exact: true })).toBeVisible();
}

/** Types the code the way a keyboard-wedge scanner does (a few ms a key, then Enter) and waits for the till. */
export async function scan(page: Page, code: string, command = 'cart.scan'): Promise<void> {
  await answerTo(page, command, async () => {
    await page.keyboard.type(code, { delay: 5 });
    await page.keyboard.press('Enter');
  });
}

/** A figure from a list of terms ("Total", "In cash", "Change"), in minor units. Each value is labelled by its term. */
export async function figure(scope: Page | Locator, term: string): Promise<number> {
  const value = scope.getByLabel(term, { exact: true });
  await expect(value).toBeVisible();
  return minorFrom((await value.textContent()) ?? '');
}

/** Opens the payment dialog with its function key. */
export async function openPayment(page: Page, key: 'F2' | 'F3' | 'F5'): Promise<Locator> {
  await page.keyboard.press(key);
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** What the customer must pay in cash: the cash total when rounding changes it, else the total. */
export async function cashDue(payment: Locator): Promise<number> {
  const inCash = payment.getByLabel('In cash', { exact: true });
  return (await inCash.count()) > 0 ? minorFrom((await inCash.textContent()) ?? '') : figure(payment, 'Total');
}

/** The receipt number shown in the sale-complete (or return-complete) dialog. */
export async function receiptNumber(dialog: Locator): Promise<string> {
  const text = (await dialog.getByLabel('Receipt', { exact: true }).textContent()) ?? '';
  expect(text).toMatch(/^E2E-\d{6}$/);
  return text;
}
