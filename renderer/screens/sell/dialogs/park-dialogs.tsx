/** Park the cart with a note ("blue coat, back in 5 min"), and the list of parked carts to resume one. */
import { useState, type FormEvent } from 'react';
import { useSellingRead } from '../../../api/use-selling-read';
import { AlertMessage } from '../../../components/alert-message';
import { FormActions, ModalDialog } from '../../../components/modal-dialog';
import { TextField } from '../../../components/text-field';
import { formatTime, money } from '../display-format';
import { useSell, useSellSession } from '../sell-session';

export function ParkDialog() {
  const { store } = useSellSession();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => store.getState().close();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const refused = await store.getState().park(note);
    setBusy(false);
    setError(refused);
  };

  return (
    <ModalDialog title="Park this cart" onClose={close}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Note (optional)" hint="Who it belongs to, e.g. “blue coat”" maxLength={80} value={note} onChange={setNote} data-autofocus />
        <AlertMessage message={error} />
        <FormActions submitLabel="Park cart" busy={busy} onCancel={close} />
      </form>
    </ModalDialog>
  );
}

export function ParkedCartsDialog() {
  const { api, store } = useSellSession();
  const currency = useSell((s) => s.cart?.currency ?? 'EUR');
  const parked = useSellingRead(api, 'cart.parked', {});
  const [error, setError] = useState<string | null>(null);
  const close = () => store.getState().close();
  const resume = async (parkedId: string) => setError(await store.getState().resume(parkedId));
  const carts = parked.value ?? [];

  return (
    <ModalDialog title="Parked carts" onClose={close}>
      {parked.loading && !parked.value ? <p>Loading…</p> : null}
      {parked.value && carts.length === 0 ? <p className="empty-note">No carts are parked on this till.</p> : null}
      <ul className="parked-list" aria-label="Parked carts">
        {carts.map((c, i) => (
          <li key={c.parkedId}>
            <button type="button" className="parked-cart" onClick={() => void resume(c.parkedId)} data-autofocus={i === 0 ? true : undefined}>
              <span className="parked-note">{c.note || 'No note'}</span>
              <span className="parked-meta">
                {c.lines} {c.lines === 1 ? 'line' : 'lines'} · {money(c.total, currency)} · {formatTime(c.parkedAt)} · {c.parkedBy}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <AlertMessage message={error ?? parked.error?.message} />
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={close}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

export function ClearSaleDialog() {
  const { store } = useSellSession();
  const lines = useSell((s) => s.cart?.lines.length ?? 0);
  const [error, setError] = useState<string | null>(null);
  const close = () => store.getState().close();
  return (
    <ModalDialog title="Clear this sale?" onClose={close}>
      <p>
        All {lines} {lines === 1 ? 'line' : 'lines'} will be taken off. Nothing is charged.
      </p>
      <AlertMessage message={error} />
      <div className="dialog-actions">
        <button type="button" className="button-danger" onClick={() => void store.getState().clear().then(setError)}>
          Clear sale
        </button>
        <button type="button" className="button-secondary" onClick={close} data-autofocus>
          Keep the sale
        </button>
      </div>
    </ModalDialog>
  );
}
