/** The Store settings view: admins save every field as integers; the till's refusal is shown; managers only read. */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../shared/api/contract';
import { installFakeBridge, ok, refused } from '../../test-support/fake-bridge';
import { MARIA_SESSION, SETTINGS } from '../../test-support/till-fixtures';
import { person } from '../../test-support/ui';
import { StoreSettingsPanel } from './store-settings-view';

const bridge = installFakeBridge();
const ADMIN_SESSION: SessionInfo = { ...MARIA_SESSION, user: { ...MARIA_SESSION.user, id: 'u-admin', username: 'admin', displayName: 'Ada', role: 'admin' } };

async function retype(field: HTMLElement, text: string) {
  field.focus();
  await person.type(`${'{Backspace}'.repeat((field as HTMLInputElement).value.length)}${text}`);
}

describe('store settings view', () => {
  beforeEach(() => {
    bridge.reset();
    bridge.answer('settings.get', () => ok(SETTINGS));
  });

  it('saves the receipt footer, rates and rounding as integers, and shows that it saved', async () => {
    bridge.answer('settings.update', (input) => ok({ ...SETTINGS, ...input }));
    render(<StoreSettingsPanel session={ADMIN_SESSION} />);
    const form = await screen.findByRole('form', { name: 'Store settings' });
    await retype(within(form).getByLabelText('Receipt footer'), 'See you soon');
    await retype(within(form).getByLabelText('Reduced tax rate (%)'), '7,7');
    await retype(within(form).getByLabelText('Cash rounding increment'), '0.05');
    await retype(within(form).getByLabelText('Clerk discount limit (%)'), '12.5');
    await person.click(within(form).getByRole('button', { name: 'Save store settings' }));
    expect(bridge.inputsOf('settings.update')).toEqual([
      expect.objectContaining({ receiptFooter: 'See you soon', taxRates: { standard: 1900, reduced: 770, zero: 0 }, cashRoundingIncrement: 5, clerkDiscountLimitBp: 1250, currency: 'EUR' }),
    ]);
    expect((await screen.findByRole('status')).textContent).toBe('Store settings saved.');
  });

  it('shows what the till refuses, and refuses a rate it cannot read without asking', async () => {
    bridge.answer('settings.update', () => refused('BAD_INPUT', 'The standard tax rate must be 0–100 %.'));
    render(<StoreSettingsPanel session={ADMIN_SESSION} />);
    const form = await screen.findByRole('form', { name: 'Store settings' });
    await retype(within(form).getByLabelText('Standard tax rate (%)'), '19.999');
    await person.click(within(form).getByRole('button', { name: 'Save store settings' }));
    expect(within(form).getByRole('alert').textContent).toMatch(/^Standard tax rate: type a percentage/);
    expect(bridge.inputsOf('settings.update')).toEqual([]);
    await retype(within(form).getByLabelText('Standard tax rate (%)'), '19');
    await person.click(within(form).getByRole('button', { name: 'Save store settings' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('The standard tax rate must be 0–100 %.');
  });

  it('lets a manager read the settings but not change them', async () => {
    render(<StoreSettingsPanel session={MARIA_SESSION} />);
    expect(await screen.findByText('An admin changes these settings.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Store settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save store settings' })).toBeNull();
    expect(screen.getByText(SETTINGS.receiptFooter)).toBeTruthy();
  });
});
