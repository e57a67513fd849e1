/** One product's count in the stocktake sheet: typed, saved on Enter; an empty field clears the count. */
import { useState, type FormEvent } from 'react';
import type { StocktakeLineView } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { quantityInput } from '../sell/display-format';
import { parseCount } from './stock-entry';

interface CountCellProps {
  stocktakeId: string;
  line: StocktakeLineView;
  onSaved: () => void;
}

export function CountCell({ stocktakeId, line, onSaved }: CountCellProps) {
  const [text, setText] = useState(line.countedMilli === null ? '' : quantityInput(line.countedMilli, line.unit));
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let countedMilli: number | null = null;
    if (text.trim() !== '') {
      const parsed = parseCount(text, line.unit);
      if (!parsed.ok) return setError(parsed.message);
      countedMilli = parsed.value;
    }
    const result = await api.call('stocktake.count', { stocktakeId, productId: line.productId, countedMilli });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved();
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <input aria-label={`Counted ${line.name}`} value={text} onChange={(e) => setText(e.target.value)} inputMode="decimal" size={8} />
      <button type="submit" className="button-small button-secondary" aria-label={`Save count of ${line.name}`}>
        Save
      </button>
      {error ? (
        <span role="alert" className="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
