/** The adjust dialog: quantities read as thousandths without floats, part pieces refused before the till is asked. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StockRowView } from '../../../shared/api/contract';
import { installFakeBridge, ok, refused } from '../../test-support/fake-bridge';
import { person } from '../../test-support/ui';
import { AdjustDialog } from './adjust-dialog';

const bridge = installFakeBridge();

/** Replaces a field's text the way a person does: delete what is there, then type. */
async function retype(field: HTMLElement, text: string) {
  field.focus();
  await person.type(`${'{Backspace}'.repeat((field as HTMLInputElement).value.length)}${text}`);
}
const MILK: StockRowView = { productId: 'P1', sku: 'M1', name: 'Milk 1 l', categoryId: 'C1', unit: 'piece', price: 129, currency: 'EUR', onHandMilli: 4000, minStockMilli: 6000, low: true };
const CHEESE: StockRowView = { ...MILK, productId: 'P2', name: 'Cheese per kg', unit: 'kg', onHandMilli: 2500, minStockMilli: 0, low: false };

describe('adjust dialog', () => {
  beforeEach(() => bridge.reset());

  it('refuses part pieces without asking, then sends whole pieces received with the note', async () => {
    bridge.answer('stock.adjust', (input) => ok({ movementId: 'T1-M1', qtyMilli: input.qtyMilli, row: { ...MILK, onHandMilli: MILK.onHandMilli + input.qtyMilli } }));
    const onDone = vi.fn();
    render(<AdjustDialog row={MILK} onClose={() => undefined} onDone={onDone} />);
    const dialog = screen.getByRole('dialog', { name: 'Adjust stock: Milk 1 l' });
    await retype(within(dialog).getByLabelText('Quantity'), '1.5');
    await person.click(within(dialog).getByRole('button', { name: 'Save adjustment' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/whole/);
    expect(bridge.inputsOf('stock.adjust')).toEqual([]);

    await retype(within(dialog).getByLabelText('Quantity'), '12');
    await retype(within(dialog).getByLabelText('Note (optional)'), 'Delivery 7');
    await person.click(within(dialog).getByRole('button', { name: 'Save adjustment' }));
    expect(bridge.inputsOf('stock.adjust')).toEqual([{ productId: 'P1', reason: 'received', qtyMilli: 12_000, note: 'Delivery 7' }]);
    expect(onDone).toHaveBeenCalledWith('Milk 1 l: 16 on hand.');
  });

  it('sends a counted weight (an empty shelf too) and shows what the till says', async () => {
    bridge.answer('stock.adjust', () => refused('BAD_INPUT', 'The count matches what is on hand: nothing to change.'));
    render(<AdjustDialog row={CHEESE} onClose={() => undefined} onDone={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Adjust stock: Cheese per kg' });
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'counted' } });
    await retype(within(dialog).getByLabelText('Counted quantity'), '2,5');
    await person.click(within(dialog).getByRole('button', { name: 'Save adjustment' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The count matches what is on hand: nothing to change.');
    await retype(within(dialog).getByLabelText('Counted quantity'), '0');
    await person.click(within(dialog).getByRole('button', { name: 'Save adjustment' }));
    expect(bridge.inputsOf('stock.adjust').map((i) => [i.reason, i.qtyMilli])).toEqual([['counted', 2500], ['counted', 0]]);
  });
});
