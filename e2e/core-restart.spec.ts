/**
 * The till core dies under a clerk (SIGKILL, as a crash would): the screen says the till is restarting instead of
 * hanging, comes back on its own to the login, and after logging in again the cart is as it was.
 */
import { expect, test } from '@playwright/test';
import { CLARA, logInWithPin } from './helpers/till';
import { cartRow, pieceProducts, scan, startSelling } from './helpers/selling';

interface Health {
  core: { state: string; restarts: number; pid: number };
}

test('a core that dies is restarted; the screen says so, and the cart survives', async ({ page }) => {
  test.setTimeout(90_000);
  const [product] = pieceProducts(1, 40);
  await startSelling(page, CLARA);
  await scan(page, product!.barcode);
  await expect(cartRow(page, product!)).toBeVisible();

  const before = (await (await page.request.get('/api/health')).json()) as Health;
  expect(before.core.state).toBe('ready');
  process.kill(before.core.pid, 'SIGKILL');

  await expect(page.getByRole('dialog', { name: /the till is restarting/i })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /restarting/i })).toBeVisible();
  // Back by itself, at the login: the sessions lived in the process that died.
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('dialog', { name: /the till is restarting/i })).toBeHidden();

  await logInWithPin(page, CLARA);
  const startButton = page.getByRole('button', { name: 'Start selling' });
  if (await startButton.isVisible()) await startButton.click();
  await expect(cartRow(page, product!)).toBeVisible();

  const after = (await (await page.request.get('/api/health')).json()) as Health;
  expect(after.core).toMatchObject({ state: 'ready', restarts: before.core.restarts + 1 });
  expect(after.core.pid).not.toBe(before.core.pid);
});
