/** The one dialog the selling screen may have open at a time, chosen by the store's `dialog`. */
import { ReceiptDialog } from '../../receipt/receipt-dialog';
import { money } from '../display-format';
import { useSell, useSellSession } from '../sell-session';
import { ApprovalDialog } from './approval-dialog';
import { CheckoutDialog } from './checkout-dialog';
import { DiscountDialog } from './discount-dialog';
import { ClearSaleDialog, ParkDialog, ParkedCartsDialog } from './park-dialogs';
import { QuantityDialog, WeighDialog } from './quantity-dialog';

export function SellDialogs() {
  const { store } = useSellSession();
  const dialog = useSell((s) => s.dialog);
  const close = () => store.getState().close();
  if (!dialog) return null;

  switch (dialog.kind) {
    case 'checkout':
      return <CheckoutDialog initialMode={dialog.mode} />;
    case 'quantity':
      return <QuantityDialog lineId={dialog.lineId} />;
    case 'weigh':
      return <WeighDialog product={dialog.product} />;
    case 'discount':
      return <DiscountDialog lineId={dialog.lineId} />;
    case 'park':
      return <ParkDialog />;
    case 'parked':
      return <ParkedCartsDialog />;
    case 'clear':
      return <ClearSaleDialog />;
    case 'approval':
      return <ApprovalDialog reason={dialog.reason} attempt={dialog.attempt} onCancel={close} action="Approve discount" />;
    case 'receipt': {
      const { receipt, changeDue } = dialog.result;
      return (
        <ReceiptDialog title="Sale complete" receipt={receipt} onClose={close} closeLabel="New sale">
          <p className="change-due" role="status">
            Change due <strong>{money(changeDue, receipt.currency)}</strong>
          </p>
          {receipt.payments.some((p) => p.offline) ? (
            <p className="card-notice">Card approved offline: it is charged when the card processor can be reached again.</p>
          ) : null}
        </ReceiptDialog>
      );
    }
  }
}
