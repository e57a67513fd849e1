/**
 * The back office's products: a manager adds a product with a barcode, a price typed as text and a picture on
 * one till; a clerk on another till, synced through the store server, scans it and sells it at that price.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { completeBarcode } from '../shared/catalog/barcodes';
import { CLARA, MARIA, answerTo, logInWithPin, openLogin } from './helpers/till';
import { cartLines, figure, openPayment, scan, startSelling } from './helpers/selling';

function syncTillUrl(n: 1 | 2): string {
  const url = process.env[`KASSA_E2E_SYNC${n}_URL`];
  if (!url) throw new Error('The sync tills are started by playwright.config.ts');
  return url;
}

async function tillPage(browser: Browser, n: 1 | 2): Promise<Page> {
  const context = await browser.newContext({ baseURL: syncTillUrl(n) });
  return context.newPage();
}

/** A 2×2 PNG: the picture the manager chooses (the till makes it a WebP or JPEG data URL). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4EaABRAwQCgAljgUBqTNxyAAAAABJRU5ErkJggg==', 'base64');

test('a manager adds a product with a barcode; a clerk on another till scans it and sells it', async ({ browser }) => {
  test.setTimeout(120_000);
  // A code no earlier run against these tills has used: 47 + the time, with its check digit.
  const barcode = completeBarcode('ean13', `47${String(Date.now()).slice(-10)}`);
  const name = `Elderflower cordial ${barcode.slice(-5)}`;
  const manager = await tillPage(browser, 2);
  const clerk = await tillPage(browser, 1);

  await openLogin(manager);
  await logInWithPin(manager, MARIA);
  await manager.getByRole('navigation', { name: 'Manager' }).getByRole('button', { name: 'Products' }).click();
  const products = manager.getByRole('region', { name: 'Products' });
  await products.getByRole('button', { name: 'New product' }).click();
  const editor = manager.getByRole('form', { name: 'New product' });
  await editor.getByLabel('Name').fill(name);
  await editor.getByLabel('SKU').fill(`ELD-${barcode.slice(-5)}`);
  await editor.getByLabel('Price (EUR)').fill('3,79');
  await editor.getByLabel('Category').selectOption({ index: 1 });
  // A wrong check digit first: the core's message is shown and nothing is saved.
  const wrong = barcode.slice(0, 12) + String((Number(barcode[12]) + 1) % 10);
  await editor.getByLabel('Barcode', { exact: true }).fill(wrong);
  await answerTo(manager, 'products.save', () => editor.getByRole('button', { name: 'Save product' }).click());
  await expect(editor.getByRole('alert')).toContainText(`Barcode ${wrong}: the check digit is wrong`);

  await editor.getByLabel('Barcode', { exact: true }).fill(barcode);
  await editor.getByLabel('Picture').setInputFiles({ name: 'cordial.png', mimeType: 'image/png', buffer: PNG });
  await expect(editor.getByRole('img', { name: `Picture of ${name}` })).toHaveAttribute('src', /^data:image\/(webp|jpeg);base64,/);
  await answerTo(manager, 'products.save', () => editor.getByRole('button', { name: 'Save product' }).click());
  await expect(products.getByRole('status').filter({ hasText: `Saved ${name}.` })).toBeVisible();
  await products.getByLabel('Search products').fill(barcode);
  await expect(products.getByRole('list', { name: 'Products' }).getByRole('listitem')).toHaveCount(1);
  await expect(products.getByRole('list', { name: 'Products' })).toContainText(name);

  await startSelling(clerk, CLARA);
  await expect(clerk.getByTestId('sync-status')).toContainText('Online', { timeout: 30_000 });
  // The product arrives through sync: scan until the till knows it.
  await expect(async () => {
    await scan(clerk, barcode);
    await expect(cartLines(clerk).getByRole('row', { name: new RegExp(name) })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const payment = await openPayment(clerk, 'F2');
  expect(await figure(payment, 'Total')).toBe(379);
  await payment.getByLabel('Amount tendered').fill('5.00');
  await answerTo(clerk, 'checkout.pay', () => payment.getByRole('button', { name: 'Take cash' }).click());
  await expect(clerk.getByRole('dialog', { name: 'Sale complete' })).toBeVisible();
});
