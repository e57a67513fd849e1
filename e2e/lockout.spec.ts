import { expect, test } from '@playwright/test';
import { CARL, chooseUser, openLogin, tapPin } from './helpers/till';

// Uses carl only: he stays locked for the rest of the run, so no other test may need him.
test('five wrong PINs lock the user: the sixth attempt fails even with the right PIN', async ({ page }) => {
  await openLogin(page);
  await chooseUser(page, CARL.displayName);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await tapPin(page, '0000');
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await tapPin(page, CARL.secret);
  await expect(page.getByRole('alert')).toContainText(/locked/i);
  await expect(page.getByRole('alert')).toContainText(/minute/);

  // Nobody is logged in, on this screen or after a reload.
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
});
