/**
 * An on-screen PIN pad that is also the keyboard target: digits, Backspace, Delete/Escape (clear) and Enter work
 * while it has focus. Tapping a key does not move focus off the pad, so typing and tapping can be mixed.
 */
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import './pin-pad.css';

export const PIN_MAX_DIGITS = 8;

interface PinPadProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (pin: string) => void;
  disabled?: boolean;
}

const DIGIT_ROWS = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']] as const;
const keepFocusOnPad = (e: MouseEvent) => e.preventDefault();

export function PinPad({ label, value, onChange, onSubmit, disabled = false }: PinPadProps) {
  const padRef = useRef<HTMLDivElement>(null);
  useEffect(() => padRef.current?.focus(), []);

  const press = (digit: string) => {
    if (!disabled && value.length < PIN_MAX_DIGITS) onChange(value + digit);
  };
  const backspace = () => !disabled && onChange(value.slice(0, -1));
  const clear = () => !disabled && onChange('');
  const submit = () => !disabled && onSubmit(value);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (/^[0-9]$/.test(e.key)) press(e.key);
    else if (e.key === 'Backspace') backspace();
    else if (e.key === 'Delete' || e.key === 'Escape') clear();
    // Enter on a focused pad key activates that key; Enter on the pad itself submits.
    else if (e.key === 'Enter' && e.target === e.currentTarget) submit();
    else return;
    e.preventDefault();
  };

  const key = (name: string, text: string, onClick: () => void, className = 'pin-key') => (
    <button type="button" className={className} aria-label={name} onMouseDown={keepFocusOnPad} onClick={onClick} disabled={disabled}>
      {text}
    </button>
  );

  return (
    <div ref={padRef} className="pin-pad" role="group" aria-label={label} tabIndex={0} onKeyDown={onKeyDown}>
      <output className="pin-display" aria-label={`${value.length} of up to ${PIN_MAX_DIGITS} digits entered`}>
        {Array.from({ length: Math.max(4, value.length) }, (_, i) => (
          <span key={i} className={i < value.length ? 'pin-dot filled' : 'pin-dot'} aria-hidden="true" />
        ))}
      </output>
      <div className="pin-keys">
        {DIGIT_ROWS.flat().map((d) => key(`Digit ${d}`, d, () => press(d)))}
        {key('Clear', 'C', clear, 'pin-key pin-key-secondary')}
        {key('Digit 0', '0', () => press('0'))}
        {key('Backspace', '⌫', backspace, 'pin-key pin-key-secondary')}
      </div>
      {key('Enter', 'Enter', submit, 'pin-key pin-key-enter')}
    </div>
  );
}
