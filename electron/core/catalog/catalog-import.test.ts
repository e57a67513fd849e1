/**
 * The catalog import on a real till and store: a file with bad rows is reported line by line and imports nothing,
 * or only its good rows when the manager says so; cancel before and while writing; the export reads back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/api/commands/catalog-io-commands';
import type { ProductDoc } from '../../../shared/model';
import { openTempTill, type TempTill } from '../test-support/temp-till';
import { IMPORT_BATCH } from './catalog-import';
import { generatedCatalogCsv, sendFile } from './test-support/import-file';

const M = 'manager-screen';
let till: TempTill;

beforeEach(async () => {
  // Demo users and categories, no demo products besides the three scale items.
  till = await openTempTill({ demo: true, demoProducts: 0 });
  await till.must(M, 'auth.login', { username: 'maria', secret: '4321' });
});
afterEach(async () => {
  await till.dispose();
});

const productCount = () => till.db.products.count().exec();
const bySku = async (sku: string) => (await till.db.products.findOne({ selector: { sku } }).exec())?.toMutableJSON() as ProductDoc | undefined;

/** `;` separators, a BOM, a quoted description over two lines (CRLF), decimal commas, a blank line, bad rows. */
const MIXED = [
  '\ufeffSKU;Name;Price;Category;Barcodes;Description',
  'TEA-1;Green tea;12,99;Fruit;4006381333931;"Two\r\nlines"',
  'TEA-2;Black tea;1.234,56;Vegetables;96385074;',
  'BAD-1;Bad price;12.3.4;Fruit;;',
  'BAD-2;Bad check digit;1,00;Fruit;4006381333932;',
  '',
  'BAD-3;Unknown category;2,50;Toys;;',
  'DUP-1;Duplicate barcode;3,00;Fruit;96385074;',
  'TEA-3;"Rooibos; vanilla";0,5;fruit;;',
  'dup-1;Same SKU as line 9;1,00;Fruit;;',
].join('\r\n');

describe('a file with bad rows', () => {
  it('reports every bad row by the line it starts on, and imports nothing', async () => {
    const before = await productCount();
    const report = await sendFile(till.core, M, MIXED);
    expect(report).toMatchObject({ state: 'checked', separator: ';', rows: 8, good: 2, bad: 6, newProducts: 2, fileProblems: [], unknownColumns: [] });
    expect(report.problems).toEqual([
      { line: 4, message: 'Barcode 96385074 is also on line 9' },
      { line: 5, message: 'Price: "12.3.4" is not an amount: thousands must be grouped in threes, like 1.234.567,89.' },
      { line: 6, message: 'Barcode 4006381333932: the check digit is wrong (check the digits typed)' },
      { line: 8, message: 'Category "Toys": no such category (give its name or id, or leave it empty)' },
      { line: 9, message: 'Barcode 96385074 is also on line 4' },
      { line: 9, message: 'SKU dup-1 is also on line 11' },
      { line: 11, message: 'SKU dup-1 is also on line 9' },
    ]);
    const refused = await till.call(M, 'catalogImport.commit', { jobId: report.jobId, mode: 'clean' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: '6 rows have problems. Nothing was imported: fix them, or import only the good rows.' } });
    expect(await productCount()).toBe(before);
  });

  it('imports only the good rows when the manager chooses, with money read from text', async () => {
    const before = await productCount();
    const report = await sendFile(till.core, M, MIXED);
    const done = await till.must(M, 'catalogImport.commit', { jobId: report.jobId, mode: 'goodRows' });
    expect(done).toMatchObject({ state: 'done', written: 2, result: { created: 2, updated: 0, unchanged: 0 } });
    expect(await productCount()).toBe(before + 2);
    expect(await bySku('TEA-1')).toMatchObject({ name: 'Green tea', price: 1299, categoryId: 'DEMO-CFRU', barcode: '4006381333931', description: 'Two\r\nlines' });
    expect(await bySku('TEA-3')).toMatchObject({ name: 'Rooibos; vanilla', price: 50, taxClass: 'standard', unit: 'piece', active: true });
    for (const sku of ['TEA-2', 'BAD-1', 'BAD-2', 'BAD-3', 'DUP-1']) expect(await bySku(sku)).toBeUndefined();
    const found = await till.must(M, 'catalog.search', { query: 'rooibos', limit: 5 });
    expect(found.items.map((p) => p.sku)).toEqual(['TEA-3']);
  });

  it('reads nothing of a file whose quotes break, and says from which line', async () => {
    const report = await sendFile(till.core, M, 'sku,name,price,category\nA-1,Tea,1.00,Fruit\nA-2,"Tea,1.00,Fruit\nA-3,Tea,1.00,Fruit\n');
    expect(report.fileProblems).toEqual(['Line 3: a quoted cell starts here and its closing quote never comes. Nothing from this line on can be read.']);
    for (const mode of ['clean', 'goodRows'] as const) {
      expect(await till.call(M, 'catalogImport.commit', { jobId: report.jobId, mode })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(await bySku('A-1')).toBeUndefined();
  });

  it('refuses a file without the required columns, and names the unknown ones', async () => {
    const report = await sendFile(till.core, M, 'sku\tname\tcolour\nA-1\tTea\tgreen\n');
    expect(report.separator).toBe('tab');
    expect(report.fileProblems[0]).toMatch(/^The first line must name the columns; missing: price, category/);
    expect(report.unknownColumns).toEqual(['colour (column 3)']);
  });

  it('takes the pieces of a file only in order', async () => {
    const { jobId } = await till.must(M, 'catalogImport.start', { fileName: 'x.csv' });
    expect(await till.call(M, 'catalogImport.chunk', { jobId, seq: 1, text: 'sku' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await till.call('other-screen', 'catalogImport.chunk', { jobId, seq: 0, text: 'sku' })).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });
});

describe('updates and the export', () => {
  it('reads its own export back: every product found again, nothing changed', async () => {
    const first = await sendFile(till.core, M, generatedCatalogCsv(300));
    await till.must(M, 'catalogImport.commit', { jobId: first.jobId, mode: 'clean' });
    let text = '';
    let after: string | null = null;
    do {
      const chunk: { text: string; next: string | null } = await till.must(M, 'catalogExport.csv', after ? { after } : {});
      text += chunk.text;
      after = chunk.next;
    } while (after);
    const again = await sendFile(till.core, M, text);
    expect(again).toMatchObject({ rows: 303, bad: 0, updates: 303, newProducts: 0 });
    const done = await till.must(M, 'catalogImport.commit', { jobId: again.jobId, mode: 'clean' });
    expect(done.result).toEqual({ created: 0, updated: 0, unchanged: 303 });
  });

  it('updates a product found by its SKU, keeping what the file does not give', async () => {
    const first = await sendFile(till.core, M, 'sku,name,price,category,description\nTEA-9,Tea,1.00,Fruit,Leaves\n');
    await till.must(M, 'catalogImport.commit', { jobId: first.jobId, mode: 'clean' });
    const stored = (await bySku('TEA-9'))!;
    const second = await sendFile(till.core, M, 'sku,name,price,category\ntea-9,Tea,"1,25",Fruit\n');
    expect(second).toMatchObject({ updates: 1, newProducts: 0, bad: 0 });
    await till.must(M, 'catalogImport.commit', { jobId: second.jobId, mode: 'clean' });
    // The same product (found without case), now spelled as the file spells it.
    expect(await bySku('tea-9')).toMatchObject({ id: stored.id, price: 125, description: 'Leaves' });
  });
});

describe('cancel', () => {
  it('before writing drops the file: nothing is written', async () => {
    const before = await productCount();
    const report = await sendFile(till.core, M, generatedCatalogCsv(50));
    const cancelled = await till.must(M, 'catalogImport.cancel', { jobId: report.jobId });
    expect(cancelled).toMatchObject({ state: 'cancelled', written: 0, stopReason: 'Cancelled before writing: nothing was imported.' });
    expect(await till.call(M, 'catalogImport.commit', { jobId: report.jobId, mode: 'clean' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await productCount()).toBe(before);
  });

  it('while writing stops after the batch being written: whole products, and says how many', async () => {
    const before = await productCount();
    const report = await sendFile(till.core, M, generatedCatalogCsv(10_000));
    const sent: { cancel?: Promise<unknown> } = {};
    const stop = till.core.onPush(({ message }) => {
      if (message.event === 'catalogImport.progress' && !sent.cancel) sent.cancel = till.core.dispatch(M, 'catalogImport.cancel', { jobId: report.jobId });
    });
    const committed = await till.must(M, 'catalogImport.commit', { jobId: report.jobId, mode: 'clean' });
    stop();
    const cancelled = (await sent.cancel) as { ok: true; value: ImportReport };
    expect(committed.state).toBe('cancelled');
    expect(cancelled.value).toMatchObject({ state: 'cancelled', written: committed.written });
    expect(committed.written).toBeGreaterThan(0);
    expect(committed.written).toBeLessThan(10_000);
    expect(committed.written % IMPORT_BATCH).toBe(0);
    expect(committed.stopReason).toBe(`Cancelled while writing: ${committed.written} of 10000 products were written (whole products); the rest were not.`);
    expect(await productCount()).toBe(before + committed.written);
  });
});
