import { expect, test } from '@playwright/test';
import { ADMIN, chooseUser, CLARA, expectHome, logInWithPin, logOut, MARIA, openLogin, productCount, tapPin, typePin, usersPanel } from './helpers/till';

test.beforeEach(async ({ page }) => {
  await openLogin(page);
});

test('a clerk logs in by tapping the PIN pad and sees the catalog summary', async ({ page }) => {
  await chooseUser(page, CLARA.displayName);
  await tapPin(page, CLARA.secret);
  await expectHome(page, CLARA.displayName);
  await expect(page.getByRole('banner')).toContainText('Clerk');
  expect(await productCount(page)).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
});

test('a manager logs in by typing the PIN and sees the Users panel', async ({ page }) => {
  await chooseUser(page, MARIA.displayName);
  await typePin(page, MARIA.secret);
  await expectHome(page, MARIA.displayName);
  await expect(page.getByRole('heading', { name: 'Users', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent activity', level: 2 })).toBeVisible();
  await expect(usersPanel(page).getByRole('row', { name: /Clara Clerk/ })).toBeVisible();
});

test('a wrong PIN shows an error and the right one still works', async ({ page }) => {
  await chooseUser(page, CLARA.displayName);
  await tapPin(page, '9999');
  await expect(page.getByRole('alert')).toContainText(/wrong/i);
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
  await typePin(page, CLARA.secret);
  await expectHome(page, CLARA.displayName);
});

test('an admin logs in with a password and may choose any role for new users', async ({ page }) => {
  await chooseUser(page, ADMIN.displayName);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.secret);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expectHome(page, ADMIN.displayName);
  await expect(page.getByLabel('Role')).toBeVisible();
  await expect(page.getByLabel('Role').getByRole('option')).toHaveText(['Clerk', 'Manager', 'Admin']);
});

test('logging out returns to the login screen', async ({ page }) => {
  await logInWithPin(page, CLARA);
  await logOut(page);
  await expect(page.getByRole('list', { name: 'Users' }).getByRole('button', { name: /^Clara Clerk/ })).toBeVisible();
  // The session really ended: a reload does not bring the home back.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
});
