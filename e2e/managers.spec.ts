/**
 * Managers: the sales dashboard of one till shows a sale rung up on another till as it arrives through sync,
 * without a reload, with its chart drawn; and a shift is opened, sold in, closed with a variance a manager
 * approves, and its Z report shown.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { CLARA, MARIA, answerTo, logInWithPin, openLogin } from './helpers/till';
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

/** The number on a figure card of the dashboard ("Transactions: 3. Show the sales"). */
async function cardNumber(card: Locator): Promise<number> {
  const label = (await card.getAttribute('aria-label')) ?? '';
  return Number(/: ([\d,]+)\./.exec(label)?.[1]?.replace(/,/g, '') ?? NaN);
}

async function payCash(page: Page): Promise<string> {
  const payment = await openPayment(page, 'F2');
  const due = await cashDue(payment);
  await payment.getByLabel('Amount tendered').fill((due / 100).toFixed(2));
  await answerTo(page, 'checkout.pay', () => payment.getByRole('button', { name: 'Take cash' }).click());
  const done = page.getByRole('dialog', { name: 'Sale complete' });
  const number = ((await done.getByLabel('Receipt', { exact: true }).textContent()) ?? '').trim();
  await done.getByRole('button', { name: /New sale/ }).click();
  return number;
}

test('a manager sees a sale rung up on another till appear in the dashboard, live, with the chart drawn', async ({ browser }) => {
  test.setTimeout(90_000);
  const manager = await tillPage(browser, 2);
  const clerk = await tillPage(browser, 1);

  await openLogin(manager);
  await logInWithPin(manager, MARIA);
  await manager.getByRole('navigation', { name: 'Manager' }).getByRole('button', { name: 'Sales dashboard' }).click();
  const dashboard = manager.getByRole('region', { name: 'Sales' });
  const transactions = dashboard.getByRole('button', { name: /^Transactions: / });
  await expect(transactions).toBeVisible();
  await expect(dashboard.getByRole('status').filter({ hasText: 'Preparing figures' })).toHaveCount(0, { timeout: 30_000 });
  const before = await cardNumber(transactions);

  await startSelling(clerk, CLARA);
  await expect(clerk.getByTestId('sync-status')).toContainText('Online', { timeout: 30_000 });
  const [product] = pieceProducts(1, 11);
  await scan(clerk, product!.barcode);
  const number = await payCash(clerk);
  expect(number).toMatch(/^E2ES1-\d{6}$/);

  // No reload, no click: the figure moves when the sale arrives through sync.
  await expect.poll(() => cardNumber(transactions), { timeout: 30_000 }).toBe(before + 1);
  const freshness = dashboard.getByRole('table', { name: /newest sale on this till/ });
  await expect(freshness.getByRole('row', { name: /E2ES1/ })).toContainText(number);

  const chart = dashboard.getByRole('img', { name: /^Net sales by hour/ });
  await expect(chart).toHaveAttribute('data-drawn', 'true');
  const painted = await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return 0;
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
    return count;
  });
  expect(painted).toBeGreaterThan(100);

  // From the figure to the sales behind it, and to the receipt.
  await dashboard.getByRole('button', { name: /^Show the sales: E2ES1$/ }).click();
  const sales = manager.getByRole('dialog', { name: 'Sales on E2ES1' });
  await sales.getByRole('button', { name: `Show receipt ${number}` }).click();
  await expect(manager.getByRole('dialog', { name: `Receipt ${number}` })).toBeVisible();
});

test('a shift is opened, sold in, closed with a variance a manager approves, and its Z report shown', async ({ page }) => {
  test.setTimeout(60_000);
  await startSelling(page, CLARA);
  await page.getByRole('navigation', { name: 'Till' }).getByRole('button', { name: 'Shift', exact: true }).click();
  const shift = page.getByRole('region', { name: 'Shift' });
  // Each e2e run starts a fresh till (scripts/e2e-till.ts) and no other spec opens a shift: none is open yet.
  const open = shift.getByRole('form', { name: 'Open a shift' });
  await expect(open).toBeVisible();
  await open.getByLabel('Pieces of €20.00').fill('2');
  await open.getByLabel('Pieces of €5.00').fill('2');
  await answerTo(page, 'shifts.open', () => open.getByRole('button', { name: 'Open shift' }).click());
  await expect(shift.getByRole('status').filter({ hasText: 'opening float €50.00' })).toBeVisible();

  const paid = shift.getByRole('form', { name: 'Paid in or paid out' });
  await paid.getByLabel('Movement').selectOption('paid_out');
  await paid.getByLabel('Amount').fill('3.00');
  await paid.getByLabel('Reason').fill('Milk for the staff room');
  await answerTo(page, 'shifts.cashMovement', () => paid.getByRole('button', { name: 'Record movement' }).click());
  await expect(shift.getByRole('table', { name: 'Cash movements' })).toContainText('Milk for the staff room');

  await page.getByRole('navigation', { name: 'Till' }).getByRole('button', { name: 'Sale', exact: true }).click();
  const [product] = pieceProducts(1, 13);
  await scan(page, product!.barcode);
  await payCash(page);

  await page.getByRole('navigation', { name: 'Till' }).getByRole('button', { name: 'Shift', exact: true }).click();
  const close = shift.getByRole('form', { name: 'Close the shift' });
  // Only the float minus the paid-out is counted: the sale's cash is "missing", more than the store allows.
  await close.getByLabel('Pieces of €20.00').fill('2');
  await close.getByLabel('Pieces of €5.00').fill('1');
  await close.getByLabel('Pieces of €2.00').fill('1');
  await answerTo(page, 'shifts.close', () => close.getByRole('button', { name: 'Close shift' }).click());
  await expect(close.getByRole('alert')).toContainText('short');
  await close.getByLabel('Manager username').fill(MARIA.username);
  await close.getByLabel('Manager PIN or password').fill(MARIA.secret);
  await answerTo(page, 'shifts.close', () => close.getByRole('button', { name: 'Approve and close shift' }).click());

  const z = page.getByRole('dialog', { name: /^Z report \d+$/ });
  await expect(z).toBeVisible();
  const slip = z.getByRole('article', { name: /^Z report/ });
  await expect(slip).toContainText('Counted');
  await expect(slip).toContainText('Variance');
  await expect(slip).toContainText('Maria Manager');
  await expect(z.getByRole('button', { name: 'Print report' })).toBeVisible();
  await z.getByRole('button', { name: 'Close' }).click();
  await expect(shift.getByRole('form', { name: 'Open a shift' })).toBeVisible();
});
