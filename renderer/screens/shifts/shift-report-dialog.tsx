/** An X or Z report on screen, with Print (80 mm, through the receipt printing path). */
import type { ShiftReportView } from '../../../shared/api/commands/shifts-commands';
import { ModalDialog } from '../../components/modal-dialog';
import { PrintablePage, PrintButton, PrintHint } from '../receipt/printable-receipt';
import { ShiftReportDocument } from './shift-report-document';
import '../receipt/receipt.css';

export function ShiftReportDialog({ report, onClose }: { report: ShiftReportView; onClose: () => void }) {
  const title = report.kind === 'Z' ? `Z report ${report.zNumber}${report.reprint ? ' (reprint)' : ''}` : 'X report';
  return (
    <ModalDialog title={title} onClose={onClose} className="receipt-dialog">
      <div className="receipt-scroll">
        <ShiftReportDocument report={report} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
        <PrintButton className="button-secondary" label="Print report" />
      </div>
      <PrintHint />
      <PrintablePage>
        <ShiftReportDocument report={report} />
      </PrintablePage>
    </ModalDialog>
  );
}
