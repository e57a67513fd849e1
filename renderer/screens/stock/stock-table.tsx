/** Products with their stock on hand and minimum; low ones marked. Used by the on-hand and low-stock lists. */
import type { StockRowView } from '../../../shared/api/contract';
import { formatQuantity } from '../sell/display-format';

interface StockTableProps {
  caption: string;
  rows: StockRowView[];
  onAdjust?: (row: StockRowView) => void;
}

export function StockTable({ caption, rows, onAdjust }: StockTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">SKU</th>
            <th scope="col" className="num">On hand</th>
            <th scope="col" className="num">Minimum</th>
            {onAdjust ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.productId}>
              <th scope="row">{row.name}</th>
              <td className="code">{row.sku}</td>
              <td className="num">
                {formatQuantity(row.onHandMilli, row.unit)}
                {row.low ? <span className="stock-low"> (low)</span> : null}
              </td>
              <td className="num">{row.minStockMilli > 0 ? formatQuantity(row.minStockMilli, row.unit) : '—'}</td>
              {onAdjust ? (
                <td>
                  <button type="button" className="button-small button-secondary" aria-label={`Adjust stock of ${row.name}`} onClick={() => onAdjust(row)}>
                    Adjust
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
