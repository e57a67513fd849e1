/** The product editor: the price typed as text becomes minor units, several barcodes go in, the core's refusal is shown. */
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CategoryView } from '../../../shared/api/contract';
import { installFakeBridge, ok, refused } from '../../test-support/fake-bridge';
import { person } from '../../test-support/ui';
import { ProductEditor } from './product-editor';
import { emptyForm } from './product-form';

const bridge = installFakeBridge();
const CATEGORIES: CategoryView[] = [{ id: 'C-DRINKS', name: 'Drinks', color: '#3A7D44', sortOrder: 0, productCount: 3 }];

async function fill(label: string, text: string) {
  screen.getByLabelText(label).focus();
  await person.type(text);
}

describe('the product editor', () => {
  beforeEach(() => bridge.reset());

  it('saves the typed price as minor units with every barcode, and says what the core refused', async () => {
    bridge.answer('products.save', () => refused('BAD_INPUT', 'Barcode 96385075: the check digit is wrong (check the digits typed). Nothing was saved.'));
    const onSaved = vi.fn();
    render(<ProductEditor initial={emptyForm()} categories={CATEGORIES} currency="EUR" onSaved={onSaved} onCancel={() => undefined} />);
    expect(screen.getByRole('form', { name: 'New product' })).toBeTruthy();
    await fill('Name', 'Lemonade');
    await fill('SKU', 'LEM-1');
    await fill('Price (EUR)', '2,49');
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'C-DRINKS' } });
    await fill('Barcode', '4006381333931');
    await person.click(screen.getByRole('button', { name: 'Add another barcode' }));
    await fill('Extra barcode 1', '96385075');
    await person.click(screen.getByRole('button', { name: 'Save product' }));

    expect(bridge.inputsOf('products.save')).toEqual([
      expect.objectContaining({ name: 'Lemonade', sku: 'LEM-1', price: 249, categoryId: 'C-DRINKS', barcode: '4006381333931', extraBarcodes: ['96385075'], quickKey: 0, active: true }),
    ]);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Barcode 96385075: the check digit is wrong/);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('refuses a price it cannot read before asking the core', async () => {
    render(<ProductEditor initial={emptyForm()} categories={CATEGORIES} currency="EUR" onSaved={() => undefined} onCancel={() => undefined} />);
    await fill('Name', 'Lemonade');
    await fill('Price (EUR)', '2.499');
    await person.click(screen.getByRole('button', { name: 'Save product' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Price: At most 2 decimals/);
    expect(bridge.inputsOf('products.save')).toEqual([]);
  });

  it('hands the saved product back', async () => {
    bridge.answer('products.save', (input) => ok({ ...input, id: 'P-NEW', currency: 'EUR', updatedAt: '', updatedBy: 'U' } as never));
    const onSaved = vi.fn();
    render(<ProductEditor initial={emptyForm()} categories={CATEGORIES} currency="EUR" onSaved={onSaved} onCancel={() => undefined} />);
    await fill('Name', 'Tonic');
    await fill('Price (EUR)', '1');
    await person.click(screen.getByRole('button', { name: 'Save product' }));
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'P-NEW', name: 'Tonic', price: 100 }));
  });
});
