/**
 * A discount on the selected line or on the whole sale, as a percentage or an amount. Over the clerk's limit the
 * till service asks for a manager; the store then opens the approval dialog in place of this one.
 */
import { useState, type FormEvent } from 'react';
import type { DiscountView } from '../../../../shared/api/commands/selling-commands';
import { AlertMessage } from '../../../components/alert-message';
import { FormActions, ModalDialog } from '../../../components/modal-dialog';
import { TextField } from '../../../components/text-field';
import { selectedLine } from '../cart-selection';
import { parseAmount, parsePercent, type Entry } from '../entry-parsing';
import { useSell, useSellSession } from '../sell-session';

type Kind = DiscountView['kind'];

function readDiscount(kind: Kind, text: string, currency: string): Entry<DiscountView> {
  const parsed = kind === 'percent' ? parsePercent(text) : parseAmount(text, currency);
  if (!parsed.ok) return parsed;
  return { ok: true, value: kind === 'percent' ? { kind, bp: parsed.value } : { kind, minor: parsed.value } };
}

export function DiscountDialog({ lineId }: { lineId: string | null }) {
  const { store } = useSellSession();
  const line = useSell((s) => selectedLine(s.cart, lineId));
  const currency = useSell((s) => s.cart?.currency ?? 'EUR');
  const [scope, setScope] = useState<'line' | 'sale'>(line ? 'line' : 'sale');
  const [kind, setKind] = useState<Kind>('percent');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => store.getState().close();
  const target = scope === 'line' && line ? line.lineId : null;

  const send = async (discount: DiscountView | null) => {
    setBusy(true);
    setError(null);
    const refused = await store.getState().discount(target, discount);
    setBusy(false);
    if (refused) setError(refused);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = readDiscount(kind, text, currency);
    if (!parsed.ok) return setError(parsed.message);
    void send(parsed.value);
  };

  return (
    <ModalDialog title="Discount" onClose={close}>
      <form className="form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>Apply to</legend>
          <div className="choice-row">
            <label className="choice">
              <input type="radio" name="discount-scope" checked={scope === 'line'} disabled={!line} onChange={() => setScope('line')} />
              {line ? `This line: ${line.name}` : 'A line (select one first)'}
            </label>
            <label className="choice">
              <input type="radio" name="discount-scope" checked={scope === 'sale'} onChange={() => setScope('sale')} />
              The whole sale
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Kind</legend>
          <div className="choice-row">
            <label className="choice">
              <input type="radio" name="discount-kind" checked={kind === 'percent'} onChange={() => setKind('percent')} />
              Percent
            </label>
            <label className="choice">
              <input type="radio" name="discount-kind" checked={kind === 'amount'} onChange={() => setKind('amount')} />
              Amount ({currency})
            </label>
          </div>
        </fieldset>
        <TextField
          label={kind === 'percent' ? 'Discount in %' : `Discount in ${currency}`}
          hint={kind === 'percent' ? 'e.g. 10 or 12.5' : 'e.g. 2.50'}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={setText}
          data-autofocus
        />
        <AlertMessage message={error} />
        <FormActions submitLabel="Apply discount" busy={busy} onCancel={close}>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void send(null)}>
            Remove discount
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}
