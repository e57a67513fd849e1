/**
 * Two tills paired with one sync server: a sale rung up in the first till's page shows up in the second till's
 * sales history, and both status bars say they are online.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CLARA, answerTo } from './helpers/till';
import { cashDue, openPayment, pieceProducts, scan, startSelling } from './helpers/selling';

function syncTillUrl(n: 1 | 2): string {
  const url = process.env[`KASSA_E2E_SYNC${n}_URL`];
  if (!url) throw new Error('The sync tills are started by playwright.config.ts');
  return url;
}

async function tillPage(browser: Browser, n: 1 | 2): Promise<Page> {
  const context = await browser.newContext({ baseURL: syncTillUrl(n) });
  return context.newPage();
}

test('a sale rung up on one till appears in the sales history of another', async ({ browser }) => {
  test.setTimeout(90_000);
  const first = await tillPage(browser, 1);
  const second = await tillPage(browser, 2);

  await startSelling(first, CLARA);
  await expect(first.getByTestId('sync-status')).toContainText('Online', { timeout: 30_000 });
  const [product] = pieceProducts(1, 7);
  await scan(first, product!.barcode);
  const payment = await openPayment(first, 'F2');
  const due = await cashDue(payment);
  await payment.getByLabel('Amount tendered').fill((due / 100).toFixed(2));
  await answerTo(first, 'checkout.pay', () => payment.getByRole('button', { name: 'Take cash' }).click());
  const done = first.getByRole('dialog', { name: 'Sale complete' });
  const number = ((await done.getByLabel('Receipt', { exact: true }).textContent()) ?? '').trim();
  expect(number).toMatch(/^E2ES1-\d{6}$/);

  await startSelling(second, CLARA);
  await second.getByRole('button', { name: /Sales history/ }).click();
  const history = second.getByRole('table').filter({ hasText: 'Receipt' });
  await expect(async () => {
    await second.getByRole('button', { name: 'Refresh' }).click();
    await expect(history.getByRole('rowheader', { name: number })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await second.getByTestId('sync-status').click();
  const dialog = second.getByRole('dialog', { name: 'Sync with the store server' });
  await expect(dialog).toContainText('Online');
  await expect(dialog).toContainText('kassa_E2ES2');
  await expect(dialog).not.toContainText('e2e-sync-two');
});
