/** The catalog import screen: the file goes out in order, the report shows bad rows by line, writing shows progress and can be cancelled. */
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/api/commands/catalog-io-commands';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { person } from '../../test-support/ui';
import { CatalogIoPanel } from './catalog-io-panel';

const bridge = installFakeBridge();

const CHECKED: ImportReport = {
  jobId: 'T1-JOB', fileName: 'teas.csv', state: 'checked', separator: ';', rows: 3, good: 2, newProducts: 1, updates: 1, bad: 1,
  problems: [{ line: 4, message: 'Barcode 4006381333932: the check digit is wrong (check the digits typed)' }], problemCount: 1,
  fileProblems: [], unknownColumns: ['colour (column 7)'], written: 0, result: null, stopReason: '',
};

function chooseFile(text: string) {
  fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File([text], 'teas.csv', { type: 'text/csv' })] } });
}

describe('the catalog import screen', () => {
  beforeEach(() => {
    bridge.reset();
    bridge.answer('catalogImport.current', () => ok(null));
    bridge.answer('catalogImport.start', () => ok({ jobId: 'T1-JOB' }));
    bridge.answer('catalogImport.chunk', (input) => ok({ rows: 3, chars: input.text.length }));
    bridge.answer('catalogImport.finish', () => ok(CHECKED));
  });

  it('sends the file, shows every bad row by line, and imports only the good rows on request', async () => {
    let finishWriting: (report: ImportReport) => void = () => undefined;
    bridge.answer('catalogImport.commit', () => new Promise((resolve) => (finishWriting = (report) => resolve(ok(report)))));
    render(<CatalogIoPanel />);
    chooseFile('sku;name;price;category\r\nA;Tea;1,00;Fruit\r\n');

    const problems = await screen.findByRole('table', { name: '1 problem' });
    expect(problems.textContent).toContain('4Barcode 4006381333932: the check digit is wrong');
    expect(bridge.inputsOf('catalogImport.chunk')).toEqual([{ jobId: 'T1-JOB', seq: 0, text: 'sku;name;price;category\r\nA;Tea;1,00;Fruit\r\n' }]);
    expect(screen.getByText(/3 rows read \(separator ;\); 2 good rows \(1 new, 1 update\), 1 row with problems/)).toBeTruthy();
    expect(screen.getByText('Columns not known, ignored: colour (column 7).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import all/ })).toBeNull();

    await person.click(screen.getByRole('button', { name: 'Import only the 2 good rows' }));
    expect(bridge.inputsOf('catalogImport.commit')).toEqual([{ jobId: 'T1-JOB', mode: 'goodRows' }]);
    await bridge.push('catalogImport.progress', { jobId: 'T1-JOB', done: 1, total: 2 });
    const bar = screen.getByRole('progressbar', { name: 'Writing products… 50 %' });
    expect(bar.getAttribute('value')).toBe('1');

    finishWriting({ ...CHECKED, state: 'done', written: 2, result: { created: 1, updated: 1, unchanged: 0 } });
    expect((await screen.findByText('Imported: 1 new product, 1 updated, 0 unchanged.')).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('cancels while writing and says how many products were written', async () => {
    bridge.answer('catalogImport.finish', () => ok({ ...CHECKED, bad: 0, problems: [], problemCount: 0 }));
    let finishWriting: (report: ImportReport) => void = () => undefined;
    bridge.answer('catalogImport.commit', () => new Promise((resolve) => (finishWriting = (report) => resolve(ok(report)))));
    const stopped = 'Cancelled while writing: 1000 of 3000 products were written (whole products); the rest were not.';
    bridge.answer('catalogImport.cancel', () => {
      finishWriting({ ...CHECKED, state: 'cancelled', written: 1000, result: { created: 1000, updated: 0, unchanged: 0 }, stopReason: stopped });
      return ok({ ...CHECKED, state: 'cancelled', written: 1000, stopReason: stopped });
    });
    render(<CatalogIoPanel />);
    chooseFile('sku,name,price,category\r\n');
    await person.click(await screen.findByRole('button', { name: 'Import all 2 rows' }));
    await person.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridge.inputsOf('catalogImport.cancel')).toEqual([{ jobId: 'T1-JOB' }]);
    expect((await screen.findByRole('alert')).textContent).toBe(`${stopped} 1,000 new products, 0 updated, 0 unchanged.`);
  });

  it('finds an import being written when it opens, follows it and shows how it ended', async () => {
    const writing: ImportReport = { ...CHECKED, state: 'writing', good: 2_000, written: 500 };
    let current: ImportReport = writing;
    bridge.answer('catalogImport.current', () => ok(current));
    render(<CatalogIoPanel />);
    expect((await screen.findByRole('progressbar', { name: 'Writing products… 25 %' })).getAttribute('value')).toBe('500');
    current = { ...CHECKED, state: 'done', written: 2_000, result: { created: 2_000, updated: 0, unchanged: 0 } };
    await bridge.push('catalogImport.progress', { jobId: 'T1-JOB', done: 2_000, total: 2_000 });
    expect(await screen.findByText('Imported: 2,000 new products, 0 updated, 0 unchanged.')).toBeTruthy();
  });
});
