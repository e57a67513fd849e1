/** Shifts of every terminal in a range, with each one's X (open) or Z (closed, reprinted) report. */
import { useState } from 'react';
import type { RangeInput } from '../../../shared/api/commands/reports-commands';
import type { ShiftReportView } from '../../../shared/api/commands/shifts-commands';
import { api } from '../../api/client';
import { useCommand, usePushEvent } from '../../api/use-api';
import { AlertMessage } from '../../components/alert-message';
import { presetRange, RangePicker, type Preset } from '../reports/range-picker';
import { formatTime, money } from '../sell/display-format';
import { ShiftReportDialog } from '../shifts/shift-report-dialog';
import { ShiftRules } from './shift-rules';
import type { SessionInfo } from '../../../shared/api/contract';

export function ShiftsPanel({ currency, session }: { currency: string; session: SessionInfo }) {
  const [preset, setPreset] = useState<Preset>('week');
  const [range, setRange] = useState<RangeInput>(() => presetRange('week'));
  const key = JSON.stringify(range);
  return (
    <>
      <ShiftsList key={key} preset={preset} range={range} currency={currency} onRange={(p, r) => (setPreset(p), setRange(r))} />
      <section className="panel panel-wide" aria-labelledby="shift-rules-heading">
        <h2 id="shift-rules-heading">Shift rules</h2>
        <ShiftRules session={session} />
      </section>
    </>
  );
}

interface ShiftsListProps {
  preset: Preset;
  range: RangeInput;
  currency: string;
  onRange: (preset: Preset, range: RangeInput) => void;
}

function ShiftsList({ preset, range, currency, onRange }: ShiftsListProps) {
  const shifts = useCommand('shifts.list', range);
  usePushEvent('shift.changed', () => shifts.reload());
  usePushEvent('reports.changed', () => shifts.reload());
  const [report, setReport] = useState<ShiftReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const terminals = [...new Set((shifts.value ?? []).map((s) => s.terminalId))];
  const m = (minor: number) => money(minor, currency);
  const show = async (shiftId: string) => {
    const result = await api.call('shifts.report', { shiftId });
    if (result.ok) setReport(result.value);
    else setError(result.error.message);
  };
  return (
    <section className="panel panel-wide dashboard" aria-labelledby="shifts-heading">
      <div className="panel-header">
        <h2 id="shifts-heading">Shifts</h2>
        <button type="button" className="button-small button-secondary" onClick={shifts.reload} disabled={shifts.loading}>
          Refresh
        </button>
      </div>
      <RangePicker preset={preset} range={range} terminals={terminals} onChange={onRange} />
      <AlertMessage message={error ?? shifts.error?.message} />
      {shifts.value?.length === 0 ? <p className="empty-note">No shifts opened in this range.</p> : null}
      {shifts.value && shifts.value.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Shifts of every terminal, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Terminal</th>
                <th scope="col">Opened</th>
                <th scope="col">Closed</th>
                <th scope="col">Z</th>
                <th scope="col" className="num">Float</th>
                <th scope="col" className="num">Expected</th>
                <th scope="col" className="num">Counted</th>
                <th scope="col" className="num">Variance</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {shifts.value.map((s) => (
                <tr key={s.shiftId}>
                  <th scope="row">{s.terminalId}</th>
                  <td>{`${formatTime(s.openedAt)} ${s.openedByName}`}</td>
                  <td>{s.status === 'open' ? 'Open' : `${formatTime(s.closedAt)} ${s.closedByName}`}</td>
                  <td>{s.zNumber || '—'}</td>
                  <td className="num">{m(s.openingFloat)}</td>
                  <td className="num">{s.status === 'closed' ? m(s.expectedCash) : '—'}</td>
                  <td className="num">{s.status === 'closed' ? m(s.countedCash) : '—'}</td>
                  <td className="num">{s.status === 'closed' ? m(s.variance) : '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button-small button-secondary"
                      aria-label={s.status === 'closed' ? `Z report ${s.zNumber} of ${s.terminalId}` : `X report of the open shift on ${s.terminalId}`}
                      onClick={() => void show(s.shiftId)}
                    >
                      {s.status === 'closed' ? 'Z report' : 'X report'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report ? <ShiftReportDialog report={report} onClose={() => setReport(null)} /> : null}
    </section>
  );
}
