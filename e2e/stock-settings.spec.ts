/**
 * Back office: a manager counts a counter product in a stocktake, posts it, and sees it join the low-stock list;
 * an admin changes the receipt footer and the next sale's receipt prints it.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, answerTo, chooseUser, expectHome, logInWithPin, MARIA, openLogin } from './helpers/till';
import { cashDue, openPayment, pieceProducts, receiptNumber, scan } from './helpers/selling';

/** A demo counter product with a minimum of 5 kg and 40 kg of opening stock. */
const CHEESE = 'Mountain cheese from the counter';

async function managerView(page: Page, view: string) {
  await page.getByRole('navigation', { name: 'Manager' }).getByRole('button', { name: view, exact: true }).click();
}

test('a manager posts a stocktake and the counted product joins the low-stock list', async ({ page }) => {
  test.setTimeout(60_000);
  await openLogin(page);
  await logInWithPin(page, MARIA);
  await managerView(page, 'Stock');
  const low = page.getByRole('region', { name: 'Low stock' });
  const stocktake = page.getByRole('region', { name: 'Stocktake' });
  await expect(low.getByRole('heading', { name: 'Low stock' })).toBeVisible();
  await expect(low.getByRole('row', { name: new RegExp(CHEESE) })).toHaveCount(0);

  // A stocktake left open on this till by an earlier run is dropped first.
  const cancel = stocktake.getByRole('button', { name: 'Cancel stocktake' });
  await expect(cancel.or(stocktake.getByRole('button', { name: 'Start stocktake' }))).toBeVisible();
  if (await cancel.isVisible()) await answerTo(page, 'stocktake.cancel', () => cancel.click());
  await stocktake.getByLabel('What to count').selectOption({ label: 'Whole store' });
  await answerTo(page, 'stocktake.start', () => stocktake.getByRole('button', { name: 'Start stocktake' }).click());

  await stocktake.getByLabel('Find a product to count').fill('mountain cheese');
  const row = stocktake.getByRole('row', { name: new RegExp(CHEESE) });
  await expect(row).toBeVisible();
  await row.getByLabel(`Counted ${CHEESE}`).fill('2,5');
  await answerTo(page, 'stocktake.count', () => row.getByLabel(`Counted ${CHEESE}`).press('Enter'));
  // The count is saved (the field shows it as stored) and the shortfall against the 40 kg opening stock is shown.
  await expect(row.getByLabel(`Counted ${CHEESE}`)).toHaveValue('2.500');
  await expect(row).toContainText(/−\d+\.\d{3} kg/);
  await expect(stocktake.getByRole('definition').first()).toHaveText('1');

  await answerTo(page, 'stocktake.post', () => stocktake.getByRole('button', { name: 'Post stocktake' }).click());
  await expect(stocktake.getByRole('status')).toContainText('Stocktake posted: 1 product corrected');
  const lowRow = low.getByRole('row', { name: new RegExp(CHEESE) });
  await expect(lowRow).toContainText('2.500 kg');
  await expect(lowRow).toContainText('5.000 kg');
  // The on-hand list agrees.
  const onHand = page.getByRole('region', { name: 'On hand' });
  await onHand.getByLabel('Search products').fill('mountain cheese');
  await expect(onHand.getByRole('row', { name: new RegExp(CHEESE) })).toContainText('2.500 kg');
});

test('an admin changes the receipt footer and the next receipt prints it', async ({ page }) => {
  test.setTimeout(60_000);
  await openLogin(page);
  await chooseUser(page, ADMIN.displayName);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.secret);
  await answerTo(page, 'auth.login', () => page.keyboard.press('Enter'));
  await expectHome(page, ADMIN.displayName);
  await managerView(page, 'Store settings');
  const form = page.getByRole('form', { name: 'Store settings' });
  const footer = form.getByLabel('Receipt footer');
  const before = await footer.inputValue();
  const text = `Returns within 30 days · e2e ${Date.now()}`;

  await form.getByLabel('Standard tax rate (%)').fill('19.123');
  await form.getByRole('button', { name: 'Save store settings' }).click();
  await expect(form.getByRole('alert')).toContainText('Standard tax rate');
  await form.getByLabel('Standard tax rate (%)').fill('19');
  await footer.fill(text);
  await answerTo(page, 'settings.update', () => form.getByRole('button', { name: 'Save store settings' }).click());
  await expect(page.getByRole('status').filter({ hasText: 'Store settings saved.' })).toBeVisible();

  try {
    await managerView(page, 'Overview');
    await page.getByRole('button', { name: 'Start selling' }).click();
    await expect(page.getByRole('heading', { name: 'Cart', level: 2 })).toBeVisible();
    const [product] = pieceProducts(1, 17);
    await scan(page, product!.barcode);
    const payment = await openPayment(page, 'F2');
    const due = await cashDue(payment);
    await payment.getByLabel('Amount tendered').fill((due / 100).toFixed(2));
    await answerTo(page, 'checkout.pay', () => payment.getByRole('button', { name: 'Take cash' }).click());
    const done = page.getByRole('dialog', { name: 'Sale complete' });
    const number = await receiptNumber(done);
    await expect(done.getByRole('article', { name: `Receipt ${number}` })).toContainText(text);
    await done.getByRole('button', { name: /New sale/ }).click();
  } finally {
    // Other tests on this till expect the default footer.
    await page.getByRole('button', { name: 'Manager home' }).click();
    await managerView(page, 'Store settings');
    await form.getByLabel('Receipt footer').fill(before);
    await answerTo(page, 'settings.update', () => form.getByRole('button', { name: 'Save store settings' }).click());
  }
});
