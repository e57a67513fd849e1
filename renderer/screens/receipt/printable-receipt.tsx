/**
 * Printing a receipt: a copy of it is kept outside the app (a portal at the end of <body>) and the print CSS
 * hides everything else, so only the receipt reaches the 80 mm printer (or the PDF). The copy is laid out (unseen)
 * at print width, so its length can be measured for the page size. In Electron the till prints it (to its receipt
 * printer when one is configured); in a browser the print dialog offers "Save as PDF".
 */
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ReceiptView } from '../../../shared/api/commands/selling-commands';
import { AlertMessage } from '../../components/alert-message';
import { hostPrintsReceipts, printReceipt } from './print-page';
import { ReceiptDocument } from './receipt-document';
import './receipt.css';

export function PrintableReceipt({ receipt }: { receipt: ReceiptView }) {
  return (
    <PrintablePage>
      <ReceiptDocument receipt={receipt} />
    </PrintablePage>
  );
}

/** Any 80 mm slip (a receipt, a shift's X or Z report): its element with class `receipt` is what prints. */
export function PrintablePage({ children }: { children: ReactNode }) {
  return createPortal(
    <div className="receipt-print-root" aria-hidden="true">
      {children}
    </div>,
    document.body,
  );
}

export function PrintButton({ className, label = 'Print receipt' }: { className?: string; label?: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const print = () => {
    setBusy(true);
    setProblem(null);
    void printReceipt().then((result) => {
      setBusy(false);
      if (!result.ok) setProblem(result.error.message);
    });
  };
  return (
    <>
      <button type="button" className={className} onClick={print} disabled={busy} aria-describedby="print-hint">
        {label}
      </button>
      <AlertMessage message={problem} />
    </>
  );
}

export function PrintHint() {
  return (
    <p id="print-hint" className="field-hint print-hint">
      {hostPrintsReceipts()
        ? 'Print sends the receipt to the receipt printer on an 80 mm page (or asks which printer, when none is set up).'
        : 'Print opens the print dialog: choose the 80 mm receipt printer, or “Save as PDF” to keep a PDF copy.'}
    </p>
  );
}
