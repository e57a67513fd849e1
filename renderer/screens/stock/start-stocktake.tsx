/** Starts a stocktake of one category or the whole store on this till. */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useCommand } from '../../api/use-api';
import { AlertMessage } from '../../components/alert-message';

export function StartStocktake({ onStarted }: { onStarted: () => void }) {
  const scopeId = useId();
  const categories = useCommand('catalog.categories', {});
  const [categoryId, setCategoryId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await api.call('stocktake.start', categoryId ? { categoryId } : {});
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onStarted();
  };
  return (
    <form className="form form-row" aria-label="Start a stocktake" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={scopeId}>What to count</label>
        <select id={scopeId} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          <option value="">Whole store</option>
          {(categories.value ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy}>
        Start stocktake
      </button>
      <AlertMessage message={error ?? categories.error?.message} />
    </form>
  );
}
