/** Products below their minimum (set in the product editor), furthest below first. */
import { useEffect } from 'react';
import { useCommand } from '../../api/use-api';
import { AlertMessage } from '../../components/alert-message';
import { StockTable } from './stock-table';

export function LowStockPanel({ refreshKey }: { refreshKey: number }) {
  const low = useCommand('stock.low', { limit: 100 });
  const { reload } = low;
  useEffect(reload, [refreshKey, reload]);
  return (
    <section className="panel panel-wide" aria-labelledby="low-stock-heading">
      <div className="panel-header">
        <h2 id="low-stock-heading">Low stock</h2>
        <button type="button" className="button-small button-secondary" onClick={reload} disabled={low.loading}>
          Refresh
        </button>
      </div>
      <AlertMessage message={low.error?.message} />
      {low.value && low.value.total === 0 ? <p className="field-hint">No product is below its minimum.</p> : null}
      {low.value && low.value.total > 0 ? (
        <>
          <StockTable caption="Products below their minimum" rows={low.value.items} />
          {low.value.total > low.value.items.length ? <p className="field-hint">{`The ${low.value.items.length} lowest of ${low.value.total}.`}</p> : null}
        </>
      ) : null}
    </section>
  );
}
