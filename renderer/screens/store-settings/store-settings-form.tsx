/**
 * The admin's form for the store's settings: every field labelled, sent in one update, the core's refusal shown.
 * `onSaved` reloads the settings, which remounts this form with the stored values: the confirmation lives outside.
 */
import { useId, useState, type FormEvent } from 'react';
import type { StoreSettingsView } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';
import { fromForm, toForm, type SettingsForm } from './settings-form';
import { TextAreaField } from './text-area-field';

export function StoreSettingsForm({ settings, onSaved }: { settings: StoreSettingsView; onSaved: () => void }) {
  const roundingId = useId();
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SettingsForm>(key: K) => (value: SettingsForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setRate = (taxClass: keyof SettingsForm['taxRates']) => (value: string) => setForm((f) => ({ ...f, taxRates: { ...f.taxRates, [taxClass]: value } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const read = fromForm(form);
    if (!read.ok) return setError(read.message);
    setBusy(true);
    const result = await api.call('settings.update', read.changes);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved();
  };

  return (
    <form className="form" aria-label="Store settings" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>Store and receipts</legend>
        <TextField label="Store name" value={form.storeName} onChange={set('storeName')} maxLength={80} />
        <TextAreaField label="Store address" value={form.storeAddress} onChange={set('storeAddress')} maxLength={200} />
        <TextField label="Tax ID" value={form.storeTaxId} onChange={set('storeTaxId')} maxLength={40} />
        <TextAreaField label="Receipt header" hint="Printed under the store's address, e.g. opening hours." value={form.receiptHeader} onChange={set('receiptHeader')} maxLength={300} />
        <TextAreaField label="Receipt footer" hint="Printed at the end of every receipt." value={form.receiptFooter} onChange={set('receiptFooter')} maxLength={300} />
      </fieldset>
      <fieldset>
        <legend>Money and tax</legend>
        <TextField label="Currency (ISO 4217)" value={form.currency} onChange={set('currency')} maxLength={3} />
        <label className="choice">
          <input type="checkbox" checked={form.pricesIncludeTax} onChange={(e) => set('pricesIncludeTax')(e.target.checked)} /> Prices include tax
        </label>
        <TextField label="Standard tax rate (%)" value={form.taxRates.standard} onChange={setRate('standard')} inputMode="decimal" />
        <TextField label="Reduced tax rate (%)" value={form.taxRates.reduced} onChange={setRate('reduced')} inputMode="decimal" />
        <TextField label="Zero tax rate (%)" value={form.taxRates.zero} onChange={setRate('zero')} inputMode="decimal" />
        <div className="field">
          <label htmlFor={roundingId}>Tax rounding</label>
          <select id={roundingId} value={form.taxRounding} onChange={(e) => set('taxRounding')(e.target.value as SettingsForm['taxRounding'])}>
            <option value="per-line">Per line</option>
            <option value="per-total">Per total</option>
          </select>
        </div>
        <TextField label="Cash rounding increment" hint="The smallest coin in use, e.g. 0.05." value={form.cashRoundingIncrement} onChange={set('cashRoundingIncrement')} inputMode="decimal" />
        <TextField label="Clerk discount limit (%)" hint="Beyond it a manager must approve." value={form.clerkDiscountLimit} onChange={set('clerkDiscountLimit')} inputMode="decimal" />
      </fieldset>
      <AlertMessage message={error} />
      <button type="submit" disabled={busy}>
        Save store settings
      </button>
    </form>
  );
}
