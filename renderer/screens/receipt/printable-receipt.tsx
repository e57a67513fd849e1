/**
 * Printing a receipt: a copy of it is kept outside the app (a portal at the end of <body>) and the print CSS
 * hides everything else, so only the receipt reaches the 80 mm printer (or the PDF). The copy is laid out (unseen)
 * at print width, so its length can be measured for the page size. In a browser the print dialog offers "Save as
 * PDF".
 */
import { createPortal } from 'react-dom';
import type { ReceiptView } from '../../../shared/api/commands/selling-commands';
import { printReceipt } from './print-page';
import { ReceiptDocument } from './receipt-document';
import './receipt.css';

export function PrintableReceipt({ receipt }: { receipt: ReceiptView }) {
  return createPortal(
    <div className="receipt-print-root" aria-hidden="true">
      <ReceiptDocument receipt={receipt} />
    </div>,
    document.body,
  );
}

export function PrintButton({ className }: { className?: string }) {
  return (
    <button type="button" className={className} onClick={printReceipt} aria-describedby="print-hint">
      Print receipt
    </button>
  );
}

export function PrintHint() {
  return (
    <p id="print-hint" className="field-hint print-hint">
      Print opens the print dialog: choose the 80 mm receipt printer, or “Save as PDF” to keep a PDF copy.
    </p>
  );
}
