/** Stock on hand of every active product, searchable by name, SKU or barcode, with an adjust dialog per product. */
import { useEffect, useState } from 'react';
import type { StockRowView } from '../../../shared/api/contract';
import { useCommand } from '../../api/use-api';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';
import { AdjustDialog } from './adjust-dialog';
import { Pager } from './pager';
import { StockTable } from './stock-table';

const PAGE = 20;

export function OnHandPanel({ refreshKey, onChanged }: { refreshKey: number; onChanged: () => void }) {
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [adjusting, setAdjusting] = useState<StockRowView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useCommand('stock.list', { query, limit: PAGE, offset });
  const { reload } = list;
  useEffect(reload, [query, offset, refreshKey, reload]);

  return (
    <section className="panel panel-wide" aria-labelledby="on-hand-heading">
      <div className="panel-header">
        <h2 id="on-hand-heading">On hand</h2>
      </div>
      <TextField
        label="Search products"
        type="search"
        value={query}
        onChange={(text) => {
          setQuery(text);
          setOffset(0);
        }}
      />
      <AlertMessage message={list.error?.message} />
      <StatusMessage message={done} />
      {list.value ? (
        <>
          <StockTable caption="Stock on hand" rows={list.value.items} onAdjust={setAdjusting} />
          {list.value.total === 0 ? <p className="field-hint">No product matches.</p> : null}
          <Pager label="On hand pages" offset={offset} pageSize={PAGE} total={list.value.total} onOffset={setOffset} />
        </>
      ) : null}
      {adjusting ? (
        <AdjustDialog
          row={adjusting}
          onClose={() => setAdjusting(null)}
          onDone={(message) => {
            setAdjusting(null);
            setDone(message);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
