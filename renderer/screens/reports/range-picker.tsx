/** Which store days a report covers: today, yesterday, this week, this month, or any dates; and which terminal. */
import { useId } from 'react';
import type { RangeInput } from '../../../shared/api/commands/reports-commands';
import { addDays, dayOfDate } from '../../../shared/reports/store-calendar';

export type Preset = 'today' | 'yesterday' | 'week' | 'month' | 'custom';

const PRESETS: { preset: Exclude<Preset, 'custom'>; label: string }[] = [
  { preset: 'today', label: 'Today' },
  { preset: 'yesterday', label: 'Yesterday' },
  { preset: 'week', label: 'This week' },
  { preset: 'month', label: 'This month' },
];

/** The days of a preset, in this screen's calendar (the till's: they are in the same store). Weeks start on Monday. */
export function presetRange(preset: Exclude<Preset, 'custom'>, now = new Date()): { from: string; to: string } {
  const today = dayOfDate(now);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const day = addDays(today, -1);
      return { from: day, to: day };
    }
    case 'week':
      return { from: addDays(today, -((now.getDay() + 6) % 7)), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

interface RangePickerProps {
  preset: Preset;
  range: RangeInput;
  terminals: string[];
  onChange: (preset: Preset, range: RangeInput) => void;
}

export function RangePicker({ preset, range, terminals, onChange }: RangePickerProps) {
  const id = useId();
  const withTerminal = (next: { from: string; to: string }, terminalId = range.terminalId) => ({ ...next, ...(terminalId ? { terminalId } : {}) });
  return (
    <div className="range-picker">
      <div role="group" aria-label="Period" className="button-row">
        {PRESETS.map((p) => (
          <button
            key={p.preset}
            type="button"
            className="button-small button-secondary"
            aria-pressed={preset === p.preset}
            onClick={() => onChange(p.preset, withTerminal(presetRange(p.preset)))}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={range.from}
          max={range.to}
          onChange={(e) => e.target.value && onChange('custom', withTerminal({ from: e.target.value, to: range.to < e.target.value ? e.target.value : range.to }))}
        />
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={range.to}
          min={range.from}
          onChange={(e) => e.target.value && onChange('custom', withTerminal({ from: range.from > e.target.value ? e.target.value : range.from, to: e.target.value }))}
        />
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-terminal`}>Terminal</label>
        <select
          id={`${id}-terminal`}
          value={range.terminalId ?? ''}
          onChange={(e) => onChange(preset, withTerminal({ from: range.from, to: range.to }, e.target.value || undefined))}
        >
          <option value="">Whole store</option>
          {terminals.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
