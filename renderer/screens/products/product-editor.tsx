/** Adds or edits one product: every field labelled, the price typed as text, the core's problems shown as they come. */
import { useId, useState, type FormEvent } from 'react';
import type { CategoryView, ProductDetail } from '../../../shared/api/contract';
import { MAX_QUICK_KEY, PRODUCT_UNITS, TAX_CLASSES, type ProductUnit, type TaxClass } from '../../../shared/model';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';
import { BarcodeFields } from './barcode-fields';
import { ImagePicker } from './image-picker';
import { draftFromForm, type ProductForm } from './product-form';

const TAX_LABELS: Record<TaxClass, string> = { standard: 'Standard rate', reduced: 'Reduced rate', zero: 'Zero rate' };
const UNIT_LABELS: Record<ProductUnit, string> = { piece: 'Piece', kg: 'Kilogram (sold by weight)' };

interface ProductEditorProps {
  initial: ProductForm;
  categories: CategoryView[];
  currency: string;
  onSaved: (product: ProductDetail) => void;
  onCancel: () => void;
}

export function ProductEditor({ initial, categories, currency, onSaved, onCancel }: ProductEditorProps) {
  const ids = useId();
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ProductForm>(key: K) => (value: ProductForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const title = form.id ? `Edit ${initial.name}` : 'New product';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const made = draftFromForm(form, currency);
    if (!made.ok) return setError(made.message);
    setBusy(true);
    const result = await api.call('products.save', made.draft);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved(result.value);
  };

  return (
    <form className="form product-editor" aria-labelledby={`${ids}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${ids}-title`}>{title}</h3>
      <div className="editor-grid">
        <TextField label="Name" value={form.name} onChange={set('name')} required maxLength={200} />
        <TextField label="SKU" value={form.sku} onChange={set('sku')} required autoComplete="off" maxLength={32} />
        <TextField label={`Price (${currency})`} value={form.priceText} onChange={set('priceText')} inputMode="decimal" autoComplete="off" hint="Like 3.49" />
        <div className="field">
          <label htmlFor={`${ids}-cat`}>Category</label>
          <select id={`${ids}-cat`} value={form.categoryId} onChange={(e) => set('categoryId')(e.target.value)}>
            <option value="">No category</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-tax`}>Tax class</label>
          <select id={`${ids}-tax`} value={form.taxClass} onChange={(e) => set('taxClass')(e.target.value as TaxClass)}>
            {TAX_CLASSES.map((t) => (
              <option key={t} value={t}>
                {TAX_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-unit`}>Unit</label>
          <select id={`${ids}-unit`} value={form.unit} onChange={(e) => set('unit')(e.target.value as ProductUnit)}>
            {PRODUCT_UNITS.map((u) => (
              <option key={u} value={u}>
                {UNIT_LABELS[u]}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Minimum stock" value={form.minStockText} onChange={set('minStockText')} inputMode="decimal" hint="Below this it is on the low-stock list; blank for none" />
        <TextField label="Quick key" value={form.quickKeyText} onChange={set('quickKeyText')} inputMode="numeric" hint={`1 to ${MAX_QUICK_KEY}: its tile on the sell screen; blank for none`} />
      </div>
      <BarcodeFields barcode={form.barcode} extra={form.extraBarcodes} onBarcode={set('barcode')} onExtra={set('extraBarcodes')} />
      <div className="field">
        <label htmlFor={`${ids}-desc`}>Description</label>
        <textarea id={`${ids}-desc`} value={form.description} onChange={(e) => set('description')(e.target.value)} rows={2} maxLength={2000} />
      </div>
      <ImagePicker image={form.image} name={form.name} onChange={set('image')} onError={setError} />
      <label className="choice">
        <input type="checkbox" checked={form.active} onChange={(e) => set('active')(e.target.checked)} /> For sale (untick to archive)
      </label>
      <AlertMessage message={error} />
      <div className="row-actions">
        <button type="submit" disabled={busy}>
          Save product
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
