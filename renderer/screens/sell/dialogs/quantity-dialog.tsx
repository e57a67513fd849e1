/**
 * Type a quantity: whole pieces, or a weight to the gram ("0.250"). Used to change the selected line and to weigh
 * a loose product before it goes into the cart (the till service will not guess a weight).
 */
import { useState, type FormEvent } from 'react';
import type { ProductView } from '../../../../shared/api/commands/selling-commands';
import type { ProductUnit } from '../../../../shared/model';
import { AlertMessage } from '../../../components/alert-message';
import { FormActions, ModalDialog } from '../../../components/modal-dialog';
import { TextField } from '../../../components/text-field';
import { selectedLine } from '../cart-selection';
import { quantityInput } from '../display-format';
import { parseQuantity } from '../entry-parsing';
import { useSell, useSellSession } from '../sell-session';

interface QuantityFormProps {
  title: string;
  unit: ProductUnit;
  initial: string;
  action: string;
  /** Resolves with the till's refusal, or null when done. */
  submit: (qtyMilli: number) => Promise<string | null>;
}

function QuantityForm({ title, unit, initial, action, submit }: QuantityFormProps) {
  const { store } = useSellSession();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => store.getState().close();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseQuantity(text, unit);
    if (!parsed.ok) return setError(parsed.message);
    setBusy(true);
    const refused = await submit(parsed.value);
    setBusy(false);
    if (refused) setError(refused);
    else close();
  };

  return (
    <ModalDialog title={title} onClose={close}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label={unit === 'kg' ? 'Weight in kg' : 'Number of pieces'}
          hint={unit === 'kg' ? 'To the gram, e.g. 0.250' : 'Whole pieces, e.g. 3'}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={setText}
          onFocus={(e) => e.currentTarget.select()}
          data-autofocus
        />
        <AlertMessage message={error} />
        <FormActions submitLabel={action} busy={busy} onCancel={close} />
      </form>
    </ModalDialog>
  );
}

export function QuantityDialog({ lineId }: { lineId: string }) {
  const { store } = useSellSession();
  const line = useSell((s) => selectedLine(s.cart, lineId));
  if (!line) return null;
  return (
    <QuantityForm
      title={`Quantity of ${line.name}`}
      unit={line.unit}
      initial={quantityInput(line.qtyMilli, line.unit)}
      action="Set quantity"
      submit={(qtyMilli) => store.getState().setQuantity(line.lineId, qtyMilli)}
    />
  );
}

export function WeighDialog({ product }: { product: ProductView }) {
  const { store } = useSellSession();
  return (
    <QuantityForm
      title={`Weight of ${product.name}`}
      unit={product.unit}
      initial=""
      action="Add to cart"
      submit={(qtyMilli) => store.getState().addProduct(product.id, qtyMilli)}
    />
  );
}
