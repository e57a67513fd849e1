/** A receipt on screen, with Print; used after a sale, after a return and from the sales history. */
import type { ReactNode } from 'react';
import type { ReceiptView } from '../../../shared/api/commands/selling-commands';
import { ModalDialog } from '../../components/modal-dialog';
import { PrintableReceipt, PrintButton, PrintHint } from './printable-receipt';
import { ReceiptDocument } from './receipt-document';

interface ReceiptDialogProps {
  title: string;
  receipt: ReceiptView;
  onClose: () => void;
  closeLabel: string;
  /** Shown above the receipt: the change due after a sale, for example. */
  children?: ReactNode;
}

export function ReceiptDialog({ title, receipt, onClose, closeLabel, children }: ReceiptDialogProps) {
  return (
    <ModalDialog title={title} onClose={onClose} className="receipt-dialog">
      {children}
      <div className="receipt-scroll">
        <ReceiptDocument receipt={receipt} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-autofocus>
          {closeLabel}
        </button>
        <PrintButton className="button-secondary" />
      </div>
      <PrintHint />
      <PrintableReceipt receipt={receipt} />
    </ModalDialog>
  );
}
