/** An open stocktake: find products, type counts, see expected against counted and what the differences are worth, post. */
import { useState } from 'react';
import type { StocktakePosted, StocktakeView } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';
import { formatQuantity, formatTime, money } from '../sell/display-format';
import { CountCell } from './count-cell';
import { Pager } from './pager';
import { formatDifference } from './stock-entry';

interface StocktakeSheetProps {
  view: StocktakeView;
  scope: string;
  query: string;
  onQuery: (query: string) => void;
  onlyCounted: boolean;
  onOnlyCounted: (only: boolean) => void;
  offset: number;
  pageSize: number;
  onOffset: (offset: number) => void;
  onChanged: () => void;
  onPosted: (posted: StocktakePosted) => void;
}

export function StocktakeSheet({ view, scope, query, onQuery, onlyCounted, onOnlyCounted, offset, pageSize, onOffset, onChanged, onPosted }: StocktakeSheetProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(await work());
    setBusy(false);
  };
  const post = () =>
    run(async () => {
      const result = await api.call('stocktake.post', { stocktakeId: view.id });
      if (!result.ok) return result.error.message;
      onPosted(result.value);
      return null;
    });
  const cancel = () =>
    run(async () => {
      const result = await api.call('stocktake.cancel', { stocktakeId: view.id });
      if (!result.ok) return result.error.message;
      onChanged();
      return null;
    });
  const m = (minor: number) => money(minor, view.currency);
  return (
    <>
      <p>{`Counting ${scope}, started ${formatTime(view.startedAt)} by ${view.startedBy}.`}</p>
      <dl className="issue-facts" aria-label="Stocktake so far">
        <dt>Counted</dt>
        <dd>{view.counted}</dd>
        <dt>With a difference</dt>
        <dd>{view.differing}</dd>
        <dt>Difference at selling price</dt>
        <dd>{m(view.valueDifference)}</dd>
      </dl>
      <div className="form form-row">
        <TextField label="Find a product to count" type="search" value={query} onChange={onQuery} />
        <label className="choice">
          <input type="checkbox" checked={onlyCounted} onChange={(e) => onOnlyCounted(e.target.checked)} /> Only counted products
        </label>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Expected and counted stock</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">Expected</th>
              <th scope="col">Counted</th>
              <th scope="col" className="num">Difference</th>
              <th scope="col" className="num">Value</th>
            </tr>
          </thead>
          <tbody>
            {view.lines.map((line) => (
              <tr key={line.productId}>
                <th scope="row">{line.name}</th>
                <td className="num">{formatQuantity(line.expectedMilli, line.unit)}</td>
                <td>
                  <CountCell key={`${line.productId}:${line.countedMilli}`} stocktakeId={view.id} line={line} onSaved={onChanged} />
                </td>
                <td className="num">{line.countedMilli === null ? '—' : formatDifference(line.differenceMilli, line.unit, formatQuantity)}</td>
                <td className="num">{line.countedMilli === null ? '—' : m(line.differenceValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager label="Stocktake pages" offset={offset} pageSize={pageSize} total={view.total} onOffset={onOffset} />
      <AlertMessage message={error} />
      <div className="row-actions">
        <button type="button" onClick={() => void post()} disabled={busy || view.counted === 0}>
          Post stocktake
        </button>
        <button type="button" className="button-secondary" onClick={() => void cancel()} disabled={busy}>
          Cancel stocktake
        </button>
      </div>
    </>
  );
}
