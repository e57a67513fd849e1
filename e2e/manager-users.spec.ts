import { expect, test } from '@playwright/test';
import { chooseUser, CLARA, expectHome, logInWithPin, logOut, MARIA, openLogin, typePin, uniqueUsername, usersPanel } from './helpers/till';

test('a manager creates a clerk, who can then log in from the list', async ({ page }) => {
  const username = uniqueUsername('nora');
  const displayName = `Nora ${username}`;
  await openLogin(page);
  await logInWithPin(page, MARIA);

  // Managers create clerks only: no role choice is offered.
  await expect(page.getByLabel('Role')).toHaveCount(0);
  await page.getByLabel('Name', { exact: true }).fill(displayName);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('PIN', { exact: true }).fill('8642');
  await page.getByLabel('Confirm PIN').fill('8642');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`Created ${displayName} (Clerk).`)).toBeVisible();
  await expect(usersPanel(page).getByRole('row', { name: new RegExp(displayName) })).toContainText('Clerk');
  const activity = page.getByRole('region', { name: 'Recent activity' });
  await expect(activity.getByRole('row', { name: new RegExp(`user\\.created .*${displayName}`) })).toBeVisible();

  await logOut(page);
  await chooseUser(page, displayName);
  await typePin(page, '8642');
  await expectHome(page, displayName);
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
});

test("a clerk's session never shows the Users panel", async ({ page }) => {
  await openLogin(page);
  await logInWithPin(page, CLARA);
  await expectHome(page, CLARA.displayName);
  await expect(page.getByRole('heading', { name: 'Catalog', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Recent activity' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create user' })).toHaveCount(0);
});
