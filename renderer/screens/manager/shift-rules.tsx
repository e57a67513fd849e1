/** The store's shift rules: whether selling needs an open shift, and the variance a manager must approve. Admins change them. */
import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../shared/api/contract';
import { currencyDigits, minorToDecimal, parseMoneyInput } from '../../../shared/money';
import { api } from '../../api/client';
import { useCommand } from '../../api/use-api';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';
import { money } from '../sell/display-format';

export function ShiftRules({ session }: { session: SessionInfo }) {
  const settings = useCommand('settings.get', {});
  const value = settings.value;
  if (!value) return <AlertMessage message={settings.error?.message} />;
  if (session.user.role !== 'admin') {
    return (
      <p className="field-hint">
        {value.requireOpenShift ? 'Selling needs an open shift on the till.' : 'Tills sell without an open shift.'} A variance over{' '}
        {money(value.cashVarianceLimit, value.currency)} needs a manager. An admin changes these rules.
      </p>
    );
  }
  return <ShiftRulesForm key={`${value.requireOpenShift}|${value.cashVarianceLimit}`} currency={value.currency} require={value.requireOpenShift} limit={value.cashVarianceLimit} onSaved={settings.reload} />;
}

function ShiftRulesForm({ currency, require, limit, onSaved }: { currency: string; require: boolean; limit: number; onSaved: () => void }) {
  const [requireShift, setRequireShift] = useState(require);
  const [limitText, setLimitText] = useState(minorToDecimal(limit, currencyDigits(currency)));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseMoneyInput(limitText, currencyDigits(currency));
    if (!parsed.ok) return setError(parsed.error.message);
    const result = await api.call('settings.update', { requireOpenShift: requireShift, cashVarianceLimit: parsed.value });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setDone('Shift rules saved.');
    onSaved();
  };
  return (
    <form className="form form-row" aria-label="Shift rules" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label>
          <input type="checkbox" checked={requireShift} onChange={(e) => setRequireShift(e.target.checked)} /> Selling needs an open shift
        </label>
      </div>
      <TextField label="Variance a manager must approve, beyond" value={limitText} onChange={setLimitText} inputMode="decimal" />
      <button type="submit" className="button-secondary">
        Save shift rules
      </button>
      <AlertMessage message={error} />
      <StatusMessage message={done} />
    </form>
  );
}
