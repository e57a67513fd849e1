/**
 * The sale's totals as the till service computed them: subtotal, discount and tax by rate on the left, the total
 * (and the cash total when cash rounding changes it) large on the right.
 */
import type { CartView } from '../../../../shared/api/commands/selling-commands';
import { TermRow } from '../../../components/term-row';
import { formatPercent, money } from '../display-format';
import { discountText } from './cart-lines';

function Row({ label, value, className }: { label: string; value: string; className?: string }) {
  return <TermRow term={label} value={value} className={['total-row', className].filter(Boolean).join(' ')} />;
}

export function CartTotals({ cart }: { cart: CartView }) {
  const m = (minor: number) => money(minor, cart.currency);
  return (
    <div className="cart-totals" role="group" aria-label="Totals">
      <dl className="totals-detail">
        <Row label="Subtotal" value={m(cart.subtotal)} />
        {cart.discountTotal > 0 ? (
          <Row label={`Discount${cart.discount ? ` (sale ${discountText(cart.discount, cart.currency)})` : ''}`} value={`−${m(cart.discountTotal)}`} />
        ) : null}
        {cart.taxBreakdown.map((row) => (
          <Row key={row.taxClass} className="tax-row" label={`Tax ${formatPercent(row.rateBp)} on ${m(row.base)}`} value={m(row.tax)} />
        ))}
      </dl>
      <dl className="totals-main">
        <Row className="grand-total" label="Total" value={m(cart.total)} />
        {cart.cashTotal !== cart.total ? <Row className="cash-total" label="In cash" value={m(cart.cashTotal)} /> : null}
      </dl>
    </div>
  );
}
