/** An X or Z report as a slip for the 80 mm receipt printer (and on screen, the same slip). */
import type { ShiftReportView } from '../../../shared/api/commands/shifts-commands';
import { formatPercent, formatTime, money } from '../sell/display-format';

const MOVEMENT_LABEL = { paid_in: 'Paid in', paid_out: 'Paid out', no_sale: 'No sale' } as const;
const TAX_LABEL: Record<string, string> = { standard: 'Standard', reduced: 'Reduced', zero: 'Zero' };

export function ShiftReportDocument({ report }: { report: ShiftReportView }) {
  const m = (minor: number) => money(minor, report.currency);
  const row = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  const title = report.kind === 'Z' ? `Z report ${report.zNumber}` : 'X report';
  return (
    <article className="receipt shift-report" aria-label={title}>
      <header className="receipt-header">
        <p className="receipt-store">{report.store.name}</p>
        {report.store.address ? <p>{report.store.address}</p> : null}
      </header>
      <p className="receipt-kind">
        {title}
        {report.reprint ? ' — REPRINT' : ''}
      </p>
      <dl className="receipt-meta">
        {row('Terminal', report.terminalId)}
        {row('Opened', `${formatTime(report.openedAt)} ${report.openedByName}`)}
        {report.kind === 'Z' ? row('Closed', `${formatTime(report.closedAt)} ${report.closedByName}`) : row('Printed', formatTime(report.at))}
      </dl>
      <dl>
        {row('Transactions', String(report.transactions))}
        {row('Gross sales', m(report.gross))}
        {row('Discounts', m(report.discounts))}
        {row(`Returns (${report.returnsCount})`, m(report.returns))}
        {row('Net sales', m(report.net))}
      </dl>
      <dl>
        {report.tax.map((t) => row(`Tax ${TAX_LABEL[t.taxClass] ?? t.taxClass} ${formatPercent(t.rateBp)}`, m(t.tax)))}
      </dl>
      <dl>
        {report.tenders.map((t) => row(`${t.method === 'cash' ? 'Cash' : 'Card'} taken / refunded`, `${m(t.taken)} / ${m(t.refunded)}`))}
      </dl>
      <dl aria-label="Cash drawer">
        {row('Opening float', m(report.cash.openingFloat))}
        {row('Cash sales', m(report.cash.cashSales))}
        {row('Cash refunds', m(-report.cash.cashRefunds))}
        {row('Paid in', m(report.cash.paidIn))}
        {row('Paid out', m(-report.cash.paidOut))}
        {row('Expected in drawer', m(report.cash.expected))}
        {report.cash.counted !== null ? row('Counted', m(report.cash.counted)) : null}
        {report.cash.variance !== null ? row('Variance', m(report.cash.variance)) : null}
        {report.varianceApprovedByName ? row('Variance approved by', report.varianceApprovedByName) : null}
        {row('No-sale drawer opens', String(report.noSales))}
      </dl>
      {report.movements.length > 0 ? (
        <dl aria-label="Cash movements">
          {report.movements.map((mv) => row(`${formatTime(mv.at)} ${MOVEMENT_LABEL[mv.kind]}: ${mv.reason} (${mv.byName})`, mv.kind === 'no_sale' ? '—' : m(mv.kind === 'paid_out' ? -mv.amount : mv.amount)))}
        </dl>
      ) : null}
    </article>
  );
}
