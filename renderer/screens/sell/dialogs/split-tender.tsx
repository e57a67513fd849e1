/**
 * Split payment: several tenders, paid in the order listed (a cash tender last gets the cash rounding and gives
 * change). "Still to pay" and "Rest" are guides for the clerk; the till service settles the real amounts.
 */
import { useState, type FormEvent } from 'react';
import { AlertMessage } from '../../../components/alert-message';
import { amountInput, money } from '../display-format';
import { parseAmount } from '../entry-parsing';
import { restFor, stillToPay } from '../quick-cash';
import { useSellingRead } from '../../../api/use-selling-read';
import { useSellSession } from '../sell-session';
import { CardChoiceFields } from './card-choice';
import type { Tender, TenderProps } from './tender';

interface Row {
  id: number;
  method: Tender['method'];
  text: string;
}

export function SplitTender({ cart, busy, pay, card }: TenderProps) {
  const { api } = useSellSession();
  const settings = useSellingRead(api, 'settings.get', {});
  const [rows, setRows] = useState<Row[]>([{ id: 1, method: 'card', text: '' }]);
  const [error, setError] = useState<string | null>(null);
  const values = rows.map((r) => {
    const parsed = parseAmount(r.text, cart.currency);
    return parsed.ok ? parsed.value : null;
  });
  const known = (except?: number) => values.filter((v, i): v is number => v !== null && rows[i]!.id !== except);
  const open = stillToPay(cart.total, known());
  const cardAmounts = rows.flatMap((r, i) => (r.method === 'card' ? [values[i] ?? 0] : []));
  const update = (id: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const fill = (id: number) => {
    const finalCash = rows.at(-1)?.id === id && rows.at(-1)?.method === 'cash';
    const increment = settings.value?.cashRoundingIncrement ?? 1;
    update(id, { text: amountInput(restFor(cart.total, known(id), finalCash, increment), cart.currency) });
  };
  const add = () => setRows((rs) => [...rs, { id: Math.max(...rs.map((r) => r.id)) + 1, method: 'cash', text: '' }]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tenders: Tender[] = [];
    for (const [i, row] of rows.entries()) {
      const parsed = parseAmount(row.text, cart.currency);
      if (!parsed.ok || parsed.value === 0) return setError(`Tender ${i + 1}: ${parsed.ok ? 'enter an amount above zero.' : parsed.message}`);
      tenders.push({ method: row.method, amount: parsed.value });
    }
    setError(null);
    pay(tenders);
  };

  return (
    <form className="form tender-form" onSubmit={submit} noValidate>
      <ol className="split-rows" aria-label="Tenders">
        {rows.map((row, i) => (
          <li key={row.id} className="split-row">
            <select value={row.method} onChange={(e) => update(row.id, { method: e.target.value as Tender['method'] })} aria-label={`Tender ${i + 1} method`}>
              <option value="card">Card</option>
              <option value="cash">Cash</option>
            </select>
            <input
              aria-label={`Tender ${i + 1} amount`}
              inputMode="decimal"
              autoComplete="off"
              value={row.text}
              onChange={(e) => update(row.id, { text: e.target.value })}
              data-autofocus={i === 0 ? true : undefined}
            />
            <button type="button" className="button-secondary button-small" onClick={() => fill(row.id)} aria-label={`Fill tender ${i + 1} with the rest`}>
              Rest
            </button>
            {rows.length > 1 ? (
              <button type="button" className="button-secondary button-small" onClick={() => setRows((rs) => rs.filter((r) => r.id !== row.id))} aria-label={`Remove tender ${i + 1}`}>
                ✕
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="split-open" aria-live="polite">
        Still to pay: <strong>{money(open, cart.currency)}</strong>
      </p>
      {cardAmounts.length > 0 ? <CardChoiceFields {...card} amounts={cardAmounts} /> : null}
      <AlertMessage message={error} />
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={add} disabled={rows.length >= 10}>
          Add tender
        </button>
        <button type="submit" className="pay-confirm" disabled={busy}>
          Take payment
        </button>
      </div>
    </form>
  );
}
