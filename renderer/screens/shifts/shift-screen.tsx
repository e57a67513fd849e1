/**
 * The till's shift: open it with the float counted by denomination, record paid-ins, paid-outs and no-sales, print
 * an X report, and close it by counting the drawer: the till answers the Z report (with the variance, which a
 * manager approves when it is over the store's limit).
 */
import { useState, type FormEvent } from 'react';
import type { ShiftDeskView, ShiftReportView, ShiftView } from '../../../shared/api/commands/shifts-commands';
import { currencyDigits, parseMoneyInput } from '../../../shared/money';
import { api } from '../../api/client';
import { useCommand, usePushEvent } from '../../api/use-api';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';
import { formatTime, money } from '../sell/display-format';
import { countsOf, DrawerCount, type Counts } from './drawer-count';
import { ShiftReportDialog } from './shift-report-dialog';
import '../reports/reports.css';

export function ShiftScreen() {
  const desk = useCommand('shifts.current', {});
  usePushEvent('shift.changed', () => desk.reload());
  const [report, setReport] = useState<ShiftReportView | null>(null);
  const view = desk.value;

  return (
    <section className="history-screen shift-screen" aria-labelledby="shift-heading">
      <h2 id="shift-heading">Shift</h2>
      <AlertMessage message={desk.error?.message} />
      {view && !view.shift ? <OpenShift desk={view} onOpened={desk.reload} /> : null}
      {view?.shift ? <OpenShiftDesk desk={view} shift={view.shift} onChanged={desk.reload} onReport={setReport} /> : null}
      {report ? <ShiftReportDialog report={report} onClose={() => setReport(null)} /> : null}
    </section>
  );
}

function OpenShift({ desk, onOpened }: { desk: ShiftDeskView; onOpened: () => void }) {
  const [counts, setCounts] = useState<Counts>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = countsOf(counts);
    if (!parsed) return setError('Count whole pieces of each note and coin.');
    setBusy(true);
    const result = await api.call('shifts.open', { counts: parsed });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onOpened();
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Open a shift">
      <p>{desk.requireOpenShift ? 'No shift is open on this till: this store sells only during an open shift.' : 'No shift is open on this till.'}</p>
      <DrawerCount caption="Opening float" denominations={desk.denominations} currency={desk.currency} counts={counts} onChange={setCounts} />
      <AlertMessage message={error} />
      <button type="submit" disabled={busy}>
        Open shift
      </button>
    </form>
  );
}

interface OpenShiftDeskProps {
  desk: ShiftDeskView;
  shift: ShiftView;
  onChanged: () => void;
  onReport: (report: ShiftReportView) => void;
}

function OpenShiftDesk({ desk, shift, onChanged, onReport }: OpenShiftDeskProps) {
  const m = (minor: number) => money(minor, desk.currency);
  const [error, setError] = useState<string | null>(null);
  const xReport = async () => {
    const result = await api.call('shifts.xReport', {});
    if (result.ok) onReport(result.value);
    else setError(result.error.message);
  };
  return (
    <div className="shift-desk">
      <p role="status">
        Shift open since {formatTime(shift.openedAt)} ({shift.openedByName}), opening float {m(shift.openingFloat)}.
      </p>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => void xReport()}>
          X report
        </button>
      </div>
      <AlertMessage message={error} />
      <CashMovementForm desk={desk} onDone={onChanged} />
      <NoSaleForm onDone={onChanged} />
      {shift.movements.length > 0 ? (
        <table className="data-table">
          <caption>Cash movements</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Kind</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
              <th scope="col" className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {shift.movements.map((mv) => (
              <tr key={mv.id}>
                <td>{formatTime(mv.at)}</td>
                <th scope="row">{mv.kind === 'paid_in' ? 'Paid in' : mv.kind === 'paid_out' ? 'Paid out' : 'No sale'}</th>
                <td>{mv.reason}</td>
                <td>{mv.byName}</td>
                <td className="num">{mv.kind === 'no_sale' ? '—' : m(mv.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <CloseShiftForm desk={desk} shift={shift} onClosed={(z) => {
        onReport(z);
        onChanged();
      }} />
    </div>
  );
}

function CashMovementForm({ desk, onDone }: { desk: ShiftDeskView; onDone: () => void }) {
  const [kind, setKind] = useState<'paid_in' | 'paid_out'>('paid_in');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseMoneyInput(amount, currencyDigits(desk.currency));
    if (!parsed.ok) return setError(parsed.error.message);
    const result = await api.call('shifts.cashMovement', { kind, amount: parsed.value, reason });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setDone(`${kind === 'paid_in' ? 'Paid in' : 'Paid out'} ${money(parsed.value, desk.currency)}.`);
    setAmount('');
    setReason('');
    onDone();
  };
  return (
    <form className="form form-row" onSubmit={(e) => void submit(e)} aria-label="Paid in or paid out">
      <div className="field">
        <label htmlFor="movement-kind">Movement</label>
        <select id="movement-kind" value={kind} onChange={(e) => setKind(e.target.value as 'paid_in' | 'paid_out')}>
          <option value="paid_in">Paid in</option>
          <option value="paid_out">Paid out</option>
        </select>
      </div>
      <TextField label="Amount" value={amount} onChange={setAmount} inputMode="decimal" autoComplete="off" />
      <TextField label="Reason" value={reason} onChange={setReason} autoComplete="off" />
      <button type="submit">Record movement</button>
      <AlertMessage message={error} />
      <StatusMessage message={done} />
    </form>
  );
}

function NoSaleForm({ onDone }: { onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.call('shifts.noSale', { reason });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setReason('');
    onDone();
  };
  return (
    <form className="form form-row" onSubmit={(e) => void submit(e)} aria-label="No sale">
      <TextField label="Why open the drawer" value={reason} onChange={setReason} autoComplete="off" />
      <button type="submit" className="button-secondary">
        Open drawer (no sale)
      </button>
      <AlertMessage message={error} />
    </form>
  );
}

function CloseShiftForm({ desk, shift, onClosed }: { desk: ShiftDeskView; shift: ShiftView; onClosed: (z: ShiftReportView) => void }) {
  const [counts, setCounts] = useState<Counts>({});
  const [error, setError] = useState<string | null>(null);
  const [needsApproval, setNeedsApproval] = useState(false);
  const [manager, setManager] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = countsOf(counts);
    if (!parsed) return setError('Count whole pieces of each note and coin.');
    setBusy(true);
    const approval = needsApproval ? { approval: { username: manager, secret } } : {};
    const result = await api.call('shifts.close', { shiftId: shift.shiftId, counts: parsed, ...approval });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'APPROVAL_REQUIRED') setNeedsApproval(true);
      setSecret('');
      return setError(result.error.message);
    }
    setError(null);
    onClosed(result.value);
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Close the shift">
      <h3>Close the shift</h3>
      <DrawerCount caption="Closing count" denominations={desk.denominations} currency={desk.currency} counts={counts} onChange={setCounts} />
      <AlertMessage message={error} />
      {needsApproval ? (
        <fieldset className="approval">
          <legend>Manager approval</legend>
          <TextField label="Manager username" value={manager} onChange={setManager} autoCapitalize="none" autoComplete="off" />
          <TextField label="Manager PIN or password" type="password" value={secret} onChange={setSecret} autoComplete="off" />
        </fieldset>
      ) : null}
      <button type="submit" disabled={busy}>
        {needsApproval ? 'Approve and close shift' : 'Close shift'}
      </button>
    </form>
  );
}
