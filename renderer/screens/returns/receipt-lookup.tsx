/**
 * Find the sale to refund: type its receipt number, or scan the barcode on the receipt from anywhere on this
 * screen (the scan fills the number and looks it up).
 */
import { useRef, useState, type FormEvent } from 'react';
import { useKeyboardWedge } from '../../commands/use-keyboard-wedge';

/** The shape of a receipt number (T1-000042), as the receipt's Code 128 barcode carries it. */
const RECEIPT_NUMBER = /^[A-Za-z0-9_]{1,24}-\d{1,9}$/;

interface ReceiptLookupProps {
  busy: boolean;
  scanEnabled: boolean;
  onLookup: (number: string) => void;
}

export function ReceiptLookup({ busy, scanEnabled, onLookup }: ReceiptLookupProps) {
  const [number, setNumber] = useState('');
  const field = useRef<HTMLInputElement | null>(null);

  useKeyboardWedge({
    scanEnabled: () => scanEnabled,
    scanField: () => field.current,
    accept: (code) => RECEIPT_NUMBER.test(code),
    onScan: (code) => {
      setNumber(code);
      onLookup(code);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onLookup(number.trim());
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="return-receipt-number">Receipt number</label>
        <input
          ref={field}
          id="return-receipt-number"
          aria-describedby="return-receipt-hint"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
        />
        <span id="return-receipt-hint" className="field-hint">
          Type it (e.g. T1-000042) or scan the barcode on the receipt
        </span>
      </div>
      <button type="submit" disabled={busy || number.trim() === ''}>
        Find receipt
      </button>
    </form>
  );
}
