/**
 * The store's rule on cards while the card processor cannot be reached: taken "approved offline" and charged later,
 * within a cap per card and a cap per till, or not at all. A card declined when it is finally sent is the store's
 * loss unless it is collected, hence the caps. The rule is a store setting: it reaches every till by sync.
 */
import { useId, useState, type FormEvent } from 'react';
import type { OfflineCardsView } from '../../../shared/api/commands/payments-commands';
import { api } from '../../api/client';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';
import { usePaymentsStatus } from '../payments/use-payments-status';
import { amountInput, money } from '../sell/display-format';
import { parseAmount } from '../sell/entry-parsing';

export function OfflineCardsPanel() {
  const status = usePaymentsStatus();
  return (
    <section className="panel" aria-labelledby="offline-cards-heading">
      <h2 id="offline-cards-heading">Cards while the processor is offline</h2>
      {/* Filled once from the till; a push while the manager types must not overwrite what they typed. */}
      {status ? <OfflineCardsForm initial={status.offlineCards} currency={status.currency} /> : <p>Loading the rule…</p>}
    </section>
  );
}

function describe(rule: OfflineCardsView, currency: string): string {
  if (!rule.enabled) return 'Cards are not taken while the card processor cannot be reached.';
  return `Cards are approved offline up to ${money(rule.perPaymentCap, currency)} each and ${money(rule.terminalCap, currency)} waiting per till.`;
}

function OfflineCardsForm({ initial, currency }: { initial: OfflineCardsView; currency: string }) {
  const switchId = useId();
  const [saved, setSaved] = useState(initial);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [perCard, setPerCard] = useState(amountInput(initial.perPaymentCap, currency));
  const [perTill, setPerTill] = useState(amountInput(initial.terminalCap, currency));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const card = parseAmount(perCard, currency);
    const till = parseAmount(perTill, currency);
    if (!card.ok || card.value === 0) return setError(`Limit per card: ${card.ok ? 'more than zero, please.' : card.message}`);
    if (!till.ok || till.value === 0) return setError(`Limit per till: ${till.ok ? 'more than zero, please.' : till.message}`);
    if (card.value > till.value) return setError('The limit per card cannot be more than the limit per till.');
    setBusy(true);
    setError(null);
    const result = await api.call('payments.setOfflineCards', { enabled, perPaymentCap: card.value, terminalCap: till.value });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setSaved(result.value);
    setDone(`Saved. ${describe(result.value, currency)}`);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="field-hint">{describe(saved, currency)} A card declined when it is finally sent is on the worklist, to be collected from the customer.</p>
      <div className="choice">
        <input id={switchId} type="checkbox" role="switch" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <label htmlFor={switchId}>Take cards offline when the card processor cannot be reached</label>
      </div>
      <TextField label="Limit per card" hint="The largest card taken offline." inputMode="decimal" autoComplete="off" value={perCard} onChange={setPerCard} />
      <TextField label="Limit per till" hint="The most that may wait on one till to be sent." inputMode="decimal" autoComplete="off" value={perTill} onChange={setPerTill} />
      <AlertMessage message={error} />
      <StatusMessage message={done} />
      <button type="submit" disabled={busy}>
        Save offline card rule
      </button>
    </form>
  );
}
