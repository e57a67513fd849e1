import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { answerTo, chooseUser, expectHome, logInWithPin, logOut, MARIA, openLogin, tapPin, typePin, uniqueUsername, usersPanel } from './helpers/till';
import { cartRow, clearCartIfAny, escapeRegExp, openPayment, pieceProducts, scan } from './helpers/selling';

/** The manager adds a clerk of the test's own (so no other test's user is touched); returns the row in the Users table. */
async function addClerk(page: Page, displayName: string, username: string, pin: string) {
  await page.getByLabel('Name', { exact: true }).fill(displayName);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByLabel('Confirm PIN').fill(pin);
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`Created ${displayName} (Clerk).`)).toBeVisible();
  return usersPanel(page).getByRole('row', { name: new RegExp(escapeRegExp(displayName)) });
}

test('a manager resets a clerk’s PIN: the clerk must choose a new one at login, then sells with it; the audit log shows the reset', async ({ page }) => {
  const username = uniqueUsername('rita');
  const displayName = `Rita ${username}`;
  const [product] = pieceProducts(1, 61);
  await openLogin(page);
  await logInWithPin(page, MARIA);

  const row = await addClerk(page, displayName, username, '1357');
  await row.getByRole('button', { name: `Reset the PIN of ${displayName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Reset the PIN of ${displayName}` });
  await dialog.getByLabel('Temporary PIN', { exact: true }).fill('8080');
  await dialog.getByLabel('Repeat temporary PIN').fill('8080');
  await answerTo(page, 'users.resetSecret', () => dialog.getByRole('button', { name: 'Reset PIN' }).click());
  await expect(page.getByText(`${displayName} must choose a new PIN at the next login.`)).toBeVisible();
  await expect(row).toContainText('Must choose a new PIN');

  // The audit log viewer, filtered to resets: who did it, to whom, on which terminal.
  await page.getByRole('navigation', { name: 'Manager' }).getByRole('button', { name: 'Audit log' }).click();
  const audit = page.getByRole('region', { name: 'Audit log' });
  await audit.getByLabel('Event type').fill('user.secret_reset');
  await answerTo(page, 'audit.search', () => audit.getByRole('button', { name: 'Search' }).click());
  const reset = audit.getByRole('row', { name: new RegExp(`Maria Manager user\\.secret_reset \\S+ ${escapeRegExp(displayName)}`) });
  await expect(reset).toBeVisible();
  await expect(audit.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  await logOut(page);

  // The old PIN no longer works; the temporary one leads to choosing a new PIN, and to nothing else.
  await chooseUser(page, displayName);
  await typePin(page, '1357');
  await expect(page.getByRole('alert')).toContainText(/Wrong/);
  await typePin(page, '8080');
  await expect(page.getByRole('heading', { name: 'Choose a new PIN', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cart', level: 2 })).toHaveCount(0);
  await page.getByLabel('Temporary PIN').fill('8080');
  await page.getByLabel('New PIN', { exact: true }).fill('2468');
  await page.getByLabel('Repeat new PIN').fill('2486');
  await page.getByRole('button', { name: 'Save new PIN' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two new PINs do not match.');
  await page.getByLabel('Repeat new PIN').fill('2468');
  await answerTo(page, 'auth.changeSecret', () => page.getByRole('button', { name: 'Save new PIN' }).click());
  await expectHome(page, displayName);

  // Selling with the new PIN: a cash sale.
  await expect(page.getByRole('heading', { name: 'Cart', level: 2 })).toBeVisible();
  await clearCartIfAny(page);
  await expect(page.getByLabel('Search products')).toBeFocused();
  await scan(page, product!.barcode);
  await expect(cartRow(page, product!)).toBeVisible();
  const payment = await openPayment(page, 'F2');
  await payment.getByLabel('Amount tendered').fill('500.00');
  await answerTo(page, 'checkout.pay', () => payment.getByRole('button', { name: 'Take cash' }).click());
  await expect(page.getByRole('dialog', { name: 'Sale complete' })).toBeVisible();
  await page.keyboard.press('Escape');
  await logOut(page);

  // The new PIN is the one from now on.
  await chooseUser(page, displayName);
  await typePin(page, '2468');
  await expectHome(page, displayName);
});

test('a clerk locked on this till is shown as locked, and a manager unlocks them', async ({ page }) => {
  const username = uniqueUsername('lena');
  const displayName = `Lena ${username}`;
  await openLogin(page);
  await logInWithPin(page, MARIA);
  await addClerk(page, displayName, username, '9753');
  await logOut(page);

  await chooseUser(page, displayName);
  for (let attempt = 1; attempt <= 5; attempt++) await tapPin(page, '0000');
  await expect(page.getByRole('alert')).toContainText(/locked/i);
  await page.getByRole('button', { name: 'Switch user' }).click();

  await logInWithPin(page, MARIA);
  const row = usersPanel(page).getByRole('row', { name: new RegExp(escapeRegExp(displayName)) });
  await expect(row).toContainText('Locked on this till until');
  await answerTo(page, 'users.unlock', () => row.getByRole('button', { name: `Unlock ${displayName}` }).click());
  await expect(page.getByText(`${displayName} may log in on this till again.`)).toBeVisible();
  await expect(row).not.toContainText('Locked');
  await logOut(page);

  await chooseUser(page, displayName);
  await typePin(page, '9753');
  await expectHome(page, displayName);
});
