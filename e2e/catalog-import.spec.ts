/**
 * Catalog import: a manager brings in a small CSV (BOM, `;` separators, decimal commas, a description over two
 * lines) with one bad row, reads the report by line, imports only the good rows, and finds a new product at the till.
 */
import { expect, test } from '@playwright/test';
import { completeBarcode } from '../shared/catalog/barcodes';
import { cartLines, clearCartIfAny, scan } from './helpers/selling';
import { logInWithPin, MARIA, openLogin } from './helpers/till';

test('a manager imports the good rows of a CSV with a bad one, and sells a product from it', async ({ page }) => {
  const run = Date.now().toString(36).toUpperCase();
  const barcode = completeBarcode('ean13', `4009${String(Date.now()).slice(-8)}`);
  const badBarcode = barcode.slice(0, -1) + String((Number(barcode.at(-1)) + 1) % 10);
  const name = `Imported tea ${run}`;
  const csv = [
    '\ufeffSKU;Name;Price;Category;Barcodes;Description',
    `IMP-${run}-1;${name};3,49;Fruit;${barcode};"Loose leaves,\r\nfrom the import"`,
    `IMP-${run}-2;Broken barcode ${run};1,00;Fruit;${badBarcode};`,
    `IMP-${run}-3;Imported coffee ${run};1.234,50;Fruit;;`,
  ].join('\r\n');

  await openLogin(page);
  await logInWithPin(page, MARIA);
  await page.getByRole('navigation', { name: 'Manager' }).getByRole('button', { name: 'Catalog import' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'new-teas.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

  const importer = page.getByRole('region', { name: 'Catalog import' });
  await expect(importer.getByText(/3 rows read \(separator ;\); 2 good rows \(2 new, 0 updates\), 1 row with problems/)).toBeVisible();
  const problems = importer.getByRole('table', { name: '1 problem' });
  await expect(problems.getByRole('row', { name: new RegExp(`^4 Barcode ${badBarcode}: the check digit is wrong`) })).toBeVisible();
  await expect(importer.getByRole('button', { name: /^Import all/ })).toHaveCount(0);

  await importer.getByRole('button', { name: 'Import only the 2 good rows' }).click();
  await expect(importer.getByRole('status').filter({ hasText: 'Imported: 2 new products, 0 updated, 0 unchanged.' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Manager' }).getByRole('button', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Start selling' }).click();
  await expect(page.getByLabel('Search products')).toBeFocused();
  await clearCartIfAny(page);
  await scan(page, barcode);
  await expect(cartLines(page).getByRole('row', { name: new RegExp(name) })).toContainText('3.49');
  await clearCartIfAny(page);
});
