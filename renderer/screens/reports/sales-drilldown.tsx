/** The sales behind a figure, a page at a time, oldest first; any of them opens as its receipt. */
import { useEffect, useState } from 'react';
import type { SalesFilter, SalesPage } from '../../../shared/api/commands/reports-commands';
import type { ReceiptView, SaleSummary } from '../../../shared/api/commands/selling-commands';
import { api } from '../../api/client';
import { AlertMessage } from '../../components/alert-message';
import { ModalDialog } from '../../components/modal-dialog';
import { ReceiptDialog } from '../receipt/receipt-dialog';
import { formatTime, money } from '../sell/display-format';

const PAGE = 50;

export interface DrillDown {
  title: string;
  filter: SalesFilter;
}

export function SalesDrillDown({ drill, onClose }: { drill: DrillDown; onClose: () => void }) {
  const [items, setItems] = useState<SaleSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ReceiptView | null>(null);

  const load = async (after: string | null) => {
    setBusy(true);
    const result = await api.call('reports.sales', { filter: drill.filter, limit: PAGE, ...(after ? { after } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const page: SalesPage = result.value;
    setItems((before) => (after ? [...before, ...page.items] : page.items));
    setNext(page.next);
  };

  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const show = async (number: string) => {
    const result = await api.call('sales.receipt', { number });
    if (result.ok) setReceipt(result.value);
    else setError(result.error.message);
  };

  if (receipt) return <ReceiptDialog title={`Receipt ${receipt.number}`} receipt={receipt} onClose={() => setReceipt(null)} closeLabel="Back to the sales" />;
  return (
    <ModalDialog title={drill.title} onClose={onClose} className="drilldown-dialog">
      <AlertMessage message={error} />
      {!busy && items.length === 0 ? <p>No sales behind this figure.</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{drill.title}</caption>
            <thead>
              <tr>
                <th scope="col">Receipt</th>
                <th scope="col">Time</th>
                <th scope="col">Terminal</th>
                <th scope="col">Clerk</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((sale) => (
                <tr key={sale.saleId}>
                  <th scope="row" className="code">
                    {sale.number}
                  </th>
                  <td>{formatTime(sale.createdAt)}</td>
                  <td>{sale.terminalId}</td>
                  <td>{sale.clerkName}</td>
                  <td>{sale.kind === 'return' ? 'Return' : 'Sale'}</td>
                  <td className="num">{money(sale.kind === 'return' ? -sale.total : sale.total, sale.currency)}</td>
                  <td>
                    <button type="button" className="button-small button-secondary" aria-label={`Show receipt ${sale.number}`} onClick={() => void show(sale.number)}>
                      Receipt
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
        {next ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void load(next)}>
            Show more
          </button>
        ) : null}
      </div>
    </ModalDialog>
  );
}
