/** A manager's adjustment of one product: received, damaged, or counted; the core writes it as one movement. */
import { useId, useState, type FormEvent } from 'react';
import type { StockRowView } from '../../../shared/api/contract';
import type { AdjustReason } from '../../../shared/stock/stock-rules';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { FormActions, ModalDialog } from '../../components/modal-dialog';
import { TextField } from '../../components/text-field';
import { formatQuantity } from '../sell/display-format';
import { parseQuantity } from '../sell/entry-parsing';
import { parseCount } from './stock-entry';

const REASONS: { reason: AdjustReason; label: string }[] = [
  { reason: 'received', label: 'Received (adds to stock)' },
  { reason: 'damaged', label: 'Damaged or lost (takes from stock)' },
  { reason: 'counted', label: 'Counted (sets what is on hand)' },
];

interface AdjustDialogProps {
  row: StockRowView;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function AdjustDialog({ row, onClose, onDone }: AdjustDialogProps) {
  const reasonId = useId();
  const [reason, setReason] = useState<AdjustReason>('received');
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = reason === 'counted' ? parseCount(quantity, row.unit) : parseQuantity(quantity, row.unit);
    if (!parsed.ok) return setError(parsed.message);
    setBusy(true);
    const result = await api.call('stock.adjust', { productId: row.productId, reason, qtyMilli: parsed.value, note });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onDone(`${row.name}: ${formatQuantity(result.value.row.onHandMilli, row.unit)} on hand.`);
  };

  return (
    <ModalDialog title={`Adjust stock: ${row.name}`} onClose={onClose}>
      <form className="form" aria-label="Adjust stock" onSubmit={(e) => void submit(e)}>
        <p>{`On hand now: ${formatQuantity(row.onHandMilli, row.unit)}`}</p>
        <div className="field">
          <label htmlFor={reasonId}>Reason</label>
          <select id={reasonId} value={reason} onChange={(e) => setReason(e.target.value as AdjustReason)} data-autofocus>
            {REASONS.map((r) => (
              <option key={r.reason} value={r.reason}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={reason === 'counted' ? 'Counted quantity' : 'Quantity'}
          hint={row.unit === 'kg' ? 'In kg, to the gram: 1.250' : 'Whole pieces: 12'}
          value={quantity}
          onChange={setQuantity}
          inputMode="decimal"
        />
        <TextField label="Note (optional)" value={note} onChange={setNote} maxLength={200} />
        <AlertMessage message={error} />
        <FormActions submitLabel="Save adjustment" busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
