/**
 * The latest sales and returns on this till, newest first, with whether their money is all in (a card taken offline
 * may still wait, or need a manager); open any receipt to show or reprint it as it stands now.
 */
import { useState } from 'react';
import type { ReceiptView } from '../../../shared/api/commands/selling-commands';
import { useSellingRead } from '../../api/use-selling-read';
import { AlertMessage } from '../../components/alert-message';
import { settlementText } from '../payments/payments-format';
import { formatTime, money } from '../sell/display-format';
import { useSellSession } from '../sell/sell-session';
import { ReceiptDialog } from './receipt-dialog';
import '../manager/manager.css';

export function SalesHistory() {
  const { api } = useSellSession();
  const recent = useSellingRead(api, 'sales.recent', { limit: 50 });
  const [open, setOpen] = useState<ReceiptView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = async (number: string) => {
    setError(null);
    const result = await api.call('sales.receipt', { number });
    if (result.ok) setOpen(result.value);
    else setError(result.error.message);
  };

  return (
    <section className="history-screen" aria-labelledby="history-heading">
      <div className="panel-header">
        <h2 id="history-heading">Sales history</h2>
        <button type="button" className="button-secondary button-small" onClick={recent.reload} disabled={recent.loading}>
          Refresh
        </button>
      </div>
      <AlertMessage message={error ?? recent.error?.message} />
      {recent.value && recent.value.length === 0 ? <p className="empty-note">No sales on this till yet.</p> : null}
      {recent.value && recent.value.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Latest sales and returns</caption>
            <thead>
              <tr>
                <th scope="col">Receipt</th>
                <th scope="col">Time</th>
                <th scope="col">Kind</th>
                <th scope="col">Clerk</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Payment</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {recent.value.map((sale) => (
                <tr key={sale.saleId}>
                  <th scope="row" className="code">
                    {sale.number}
                  </th>
                  <td>{formatTime(sale.createdAt)}</td>
                  <td>{sale.kind === 'return' ? 'Return' : 'Sale'}</td>
                  <td>{sale.clerkName}</td>
                  <td className="num">{money(sale.total, sale.currency)}</td>
                  <td className={`settlement settlement-${sale.settlement}`}>{settlementText(sale.settlement)}</td>
                  <td>
                    <button type="button" className="button-small button-secondary" onClick={() => void show(sale.number)} aria-label={`Show receipt ${sale.number}`}>
                      Show receipt
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open ? <ReceiptDialog title={`Receipt ${open.number}`} receipt={open} onClose={() => setOpen(null)} closeLabel="Close" /> : null}
    </section>
  );
}
