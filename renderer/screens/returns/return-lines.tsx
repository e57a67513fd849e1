/** The sold lines of the receipt: tick what comes back and how much; never more than may still be returned. */
import type { ReturnableSale } from '../../../shared/api/commands/selling-commands';
import { formatQuantity, money } from '../sell/display-format';
import type { ReturnPick } from './return-picks';

interface ReturnLinesProps {
  sale: ReturnableSale;
  picks: ReturnPick[];
  onChange: (picks: ReturnPick[]) => void;
}

export function ReturnLines({ sale, picks, onChange }: ReturnLinesProps) {
  const update = (i: number, change: Partial<ReturnPick>) => onChange(picks.map((p, j) => (j === i ? { ...p, ...change } : p)));
  return (
    <table className="data-table return-lines">
      <caption className="visually-hidden">Lines of receipt {sale.number}</caption>
      <thead>
        <tr>
          <th scope="col">Return</th>
          <th scope="col">Product</th>
          <th scope="col" className="num">
            Sold
          </th>
          <th scope="col" className="num">
            Returned
          </th>
          <th scope="col" className="num">
            Line total
          </th>
          <th scope="col">Quantity to return</th>
        </tr>
      </thead>
      <tbody>
        {sale.lines.map((line, i) => {
          const pick = picks[i]!;
          const none = line.returnableQtyMilli === 0;
          return (
            <tr key={line.lineIndex} className={none ? 'inactive' : undefined}>
              <td>
                <input
                  type="checkbox"
                  className="big-check"
                  aria-label={`Return ${line.name}`}
                  checked={pick.chosen}
                  disabled={none}
                  onChange={(e) => update(i, { chosen: e.target.checked })}
                />
              </td>
              <th scope="row">{line.name}</th>
              <td className="num">{formatQuantity(line.soldQtyMilli, line.unit)}</td>
              <td className="num">{formatQuantity(line.returnedQtyMilli, line.unit)}</td>
              <td className="num">{money(line.lineTotal, sale.currency)}</td>
              <td>
                {none ? (
                  'All returned'
                ) : (
                  <input
                    className="qty-input"
                    aria-label={`Quantity of ${line.name} to return`}
                    inputMode="decimal"
                    autoComplete="off"
                    value={pick.text}
                    disabled={!pick.chosen}
                    onChange={(e) => update(i, { text: e.target.value })}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
