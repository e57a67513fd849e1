/**
 * A receipt as the customer gets it: store header, lines, totals with tax by rate, tenders (a card's brand and last
 * four, "Approved offline", and its state until it is charged), change, number, terminal, clerk, time and the number
 * as a barcode. The same markup shows on screen and prints at 80 mm; a reprint shows the payments as they are now.
 */
import { Fragment } from 'react';
import type { ReceiptView } from '../../../shared/api/commands/selling-commands';
import { TermRow } from '../../components/term-row';
import { methodLabel, paymentNote } from '../payments/payments-format';
import { formatPercent, formatQuantity, formatTime, money } from '../sell/display-format';
import { ReceiptBarcode } from './receipt-barcode';

/** Said under the tenders while the money is not all in (or, for a return, not all paid back). */
const SETTLEMENT_NOTE = {
  sale: { waiting: 'Card payment still to be charged.', attention: 'A card payment was not charged: see a manager.' },
  return: { waiting: 'Card refund still to be sent.', attention: 'A card refund did not go through: see a manager.' },
} as const;

export function ReceiptDocument({ receipt }: { receipt: ReceiptView }) {
  const m = (minor: number) => money(minor, receipt.currency);
  const isReturn = receipt.kind === 'return';
  return (
    <article className="receipt" aria-label={`Receipt ${receipt.number}`}>
      <header className="receipt-header">
        <p className="receipt-store">{receipt.store.name}</p>
        {receipt.store.address ? <p>{receipt.store.address}</p> : null}
        {receipt.store.taxId ? <p>Tax ID {receipt.store.taxId}</p> : null}
        {receipt.store.header ? <p className="receipt-header-text">{receipt.store.header}</p> : null}
      </header>
      {isReturn ? <p className="receipt-kind">RETURN · refund for receipt {receipt.refNumber}</p> : null}
      <dl className="receipt-meta">
        <Row label="Receipt" value={receipt.number} />
        <Row label="Terminal" value={receipt.terminalId} />
        <Row label="Clerk" value={receipt.clerkName} />
        <dt>Time</dt>
        <dd>
          <time dateTime={receipt.createdAt}>{formatTime(receipt.createdAt)}</time>
        </dd>
      </dl>
      <table className="receipt-lines">
        <caption className="visually-hidden">Items</caption>
        <tbody>
          {receipt.lines.map((line, i) => (
            <tr key={i}>
              <td>
                <span className="receipt-line-name">{line.name}</span>
                <span className="receipt-line-detail">
                  {formatQuantity(line.qtyMilli, line.unit)} × {m(line.unitPrice)}
                  {line.discount > 0 ? ` · −${m(line.discount)}` : ''}
                </span>
              </td>
              <td className="num">{m(line.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="receipt-totals">
        <Row label="Subtotal" value={m(receipt.subtotal)} />
        {receipt.discountTotal > 0 ? <Row label="Discount" value={`−${m(receipt.discountTotal)}`} /> : null}
        {receipt.taxBreakdown.map((row) => (
          <Row key={row.taxClass} label={`Tax ${formatPercent(row.rateBp)} on ${m(row.base)}`} value={m(row.tax)} />
        ))}
        <Row label={isReturn ? 'Refund' : 'Total'} value={m(receipt.total)} className="receipt-total" />
        {receipt.cashRounding !== 0 ? <Row label="Cash rounding" value={m(receipt.cashRounding)} /> : null}
      </dl>
      <dl className="receipt-payments" aria-label={isReturn ? 'Refunded to' : 'Paid with'}>
        {receipt.payments.map((p, i) => {
          const note = paymentNote(p);
          return (
            <Fragment key={i}>
              <Row label={methodLabel(p)} value={m(p.amount)} />
              {note ? <dd className="receipt-payment-note">{note}</dd> : null}
            </Fragment>
          );
        })}
        {!isReturn && receipt.tendered > 0 ? <Row label="Tendered" value={m(receipt.tendered)} /> : null}
        {!isReturn ? <Row label="Change" value={m(receipt.changeDue)} /> : null}
      </dl>
      {receipt.settlement !== 'settled' ? <p className="receipt-settlement">{SETTLEMENT_NOTE[receipt.kind][receipt.settlement]}</p> : null}
      <ReceiptBarcode value={receipt.number} />
      {isReturn ? <p className="receipt-thanks">Keep this slip with your refund.</p> : null}
      {receipt.store.footer ? <p className="receipt-thanks receipt-footer">{receipt.store.footer}</p> : null}
    </article>
  );
}

function Row({ label, value, className }: { label: string; value: string; className?: string }) {
  return <TermRow term={label} value={value} className={className} bare />;
}
