import { expect, test } from '@playwright/test';
import { chooseUser, emptyTillUrl, expectHome, logOut, tapPin, usersPanel } from './helpers/till';

// The empty till can be set up only once, so the whole first-run story is one test.
test('first run: create the admin, add a clerk, and the clerk logs in', async ({ page }) => {
  await page.goto(emptyTillUrl());
  await expect(page.getByRole('heading', { name: 'Set up Kassa', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();

  await page.getByLabel('Name', { exact: true }).fill('Olga Owner');
  await page.getByLabel('Username').fill('olga');
  await page.getByRole('radio', { name: /^Password/ }).check();
  await page.getByLabel('Password', { exact: true }).fill('olga-secret-1');
  await page.getByLabel('Confirm password').fill('olga-secret-2');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  await page.getByLabel('Confirm password').fill('olga-secret-1');
  await page.getByRole('button', { name: 'Create administrator' }).click();

  await expectHome(page, 'Olga Owner');
  await expect(page.getByRole('banner')).toContainText('Admin');

  await page.getByLabel('Name', { exact: true }).fill('Pete Clerk');
  await page.getByLabel('Username').fill('pete');
  await page.getByLabel('Role').selectOption('clerk');
  await page.getByRole('radio', { name: /^PIN/ }).check();
  await page.getByLabel('PIN', { exact: true }).fill('5678');
  await page.getByLabel('Confirm PIN').fill('5678');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('Created Pete Clerk (Clerk).')).toBeVisible();
  await expect(usersPanel(page).getByRole('row', { name: /Pete Clerk/ })).toContainText('Active');

  await logOut(page);
  await chooseUser(page, 'Pete Clerk');
  await tapPin(page, '5678');
  await expectHome(page, 'Pete Clerk');
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
});
