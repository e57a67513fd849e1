import { expect, test } from '@playwright/test';
import { answerTo, CLARA, MARIA } from './helpers/till';
import { cartRow, expectEmptyCart, openPayment, pieceProducts, receiptNumber, scan, startSelling } from './helpers/selling';

test('a sold line comes back with a manager’s approval, never more than was sold', async ({ page }) => {
  const [kept, returned] = pieceProducts(2, 10);
  await startSelling(page, CLARA);
  await scan(page, kept!.barcode);
  await scan(page, returned!.barcode);
  await expect(cartRow(page, returned!)).toBeVisible();

  const payment = await openPayment(page, 'F2');
  await answerTo(page, 'checkout.pay', () => payment.getByRole('button', { name: /^Exact / }).click());
  const sold = page.getByRole('dialog', { name: 'Sale complete' });
  const number = await receiptNumber(sold);
  await sold.getByRole('button', { name: 'New sale' }).click();

  // Returns: scan the receipt's barcode from anywhere on the screen; it fills the number and looks it up.
  await page.keyboard.press('F8');
  await expect(page.getByRole('heading', { name: 'Returns', level: 2 })).toBeVisible();
  await page.getByRole('heading', { name: 'Returns', level: 2 }).click();
  await scan(page, number, 'returns.lookup');
  await expect(page.getByLabel('Receipt number')).toHaveValue(number);
  const sale = page.getByRole('region', { name: `Sale ${number}` });

  await sale.getByLabel(`Return ${returned!.name}`).check();
  await sale.getByLabel(`Quantity of ${returned!.name} to return`).fill('2');
  await sale.getByRole('button', { name: 'Refund (manager approves)' }).click();
  await expect(page.getByRole('alert')).toContainText('at most 1 can come back');

  await sale.getByLabel(`Quantity of ${returned!.name} to return`).fill('1');
  await sale.getByRole('button', { name: 'Refund (manager approves)' }).click();
  const approval = page.getByRole('dialog', { name: 'Manager approval' });
  await approval.getByLabel('Manager username').fill(MARIA.username);
  await approval.getByLabel('Manager PIN or password').fill(MARIA.secret);
  await answerTo(page, 'returns.create', () => approval.getByRole('button', { name: 'Approve refund' }).click());

  const done = page.getByRole('dialog', { name: 'Return complete' });
  await expect(done).toContainText(`refund for receipt ${number}`);
  await expect(done.getByRole('article')).toContainText(returned!.name);
  await expect(done.getByRole('article')).not.toContainText(kept!.name);
  await done.getByRole('button', { name: 'Done' }).click();

  // The same line cannot come back twice.
  await scan(page, number, 'returns.lookup');
  await expect(sale.getByLabel(`Return ${returned!.name}`)).toBeDisabled();

  await page.keyboard.press('Escape');
  await expectEmptyCart(page);
});
