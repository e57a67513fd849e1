/** Counting the drawer: how many of each note and coin, and what they add up to. */
import type { DenominationCount } from '../../../shared/model';
import { money } from '../sell/display-format';

export type Counts = Record<number, string>;

/** Whole pieces only; empty counts as none. */
export function countsOf(counts: Counts): DenominationCount[] | null {
  const out: DenominationCount[] = [];
  for (const [value, text] of Object.entries(counts)) {
    if (text.trim() === '') continue;
    if (!/^\d{1,6}$/.test(text.trim())) return null;
    out.push({ value: Number(value), count: Number(text.trim()) });
  }
  return out;
}

export function countTotal(counts: Counts): number {
  return (countsOf(counts) ?? []).reduce((sum, c) => sum + c.value * c.count, 0);
}

interface DrawerCountProps {
  caption: string;
  denominations: number[];
  currency: string;
  counts: Counts;
  onChange: (counts: Counts) => void;
}

export function DrawerCount({ caption, denominations, currency, counts, onChange }: DrawerCountProps) {
  const valid = countsOf(counts) !== null;
  return (
    <table className="data-table count-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Note or coin</th>
          <th scope="col">Pieces</th>
          <th scope="col" className="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {denominations.map((value) => {
          const text = counts[value] ?? '';
          const pieces = /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : 0;
          return (
            <tr key={value}>
              <th scope="row">{money(value, currency)}</th>
              <td>
                <input
                  type="text"
                  inputMode="numeric"
                  aria-label={`Pieces of ${money(value, currency)}`}
                  value={text}
                  onChange={(e) => onChange({ ...counts, [value]: e.target.value })}
                />
              </td>
              <td className="num">{money(value * pieces, currency)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td />
          <td className="num" aria-live="polite">
            {valid ? money(countTotal(counts), currency) : 'Whole pieces only'}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
