/**
 * The cart's lines: name with unit price, discount and a stock mark underneath, quantity, line total. Tap a line
 * (or use ↑/↓) to select it for the line commands. Every figure is the till service's.
 */
import { useEffect, useRef } from 'react';
import type { CartLineView, CartView, DiscountView } from '../../../../shared/api/commands/selling-commands';
import { formatPercent, formatQuantity, money } from '../display-format';
import { useSell, useSellSession } from '../sell-session';

export function discountText(discount: DiscountView | null, currency: string): string {
  if (!discount) return '';
  return discount.kind === 'percent' ? `−${formatPercent(discount.bp)}` : `−${money(discount.minor, currency)}`;
}

function Line({ line, currency, selected }: { line: CartLineView; currency: string; selected: boolean }) {
  const { store } = useSellSession();
  const row = useRef<HTMLTableRowElement>(null);
  // The selected line is the one just scanned or edited: keep it in sight.
  useEffect(() => {
    if (selected) row.current?.scrollIntoView({ block: 'nearest' });
  }, [selected, line.qtyMilli]);
  const select = () => store.getState().select(selected ? null : line.lineId);
  return (
    <tr ref={row} className={selected ? 'cart-line selected' : 'cart-line'} onClick={select}>
      <th scope="row">
        <button
          type="button"
          className="line-select"
          aria-pressed={selected}
          onClick={(e) => {
            e.stopPropagation();
            select();
          }}
        >
          {line.name}
        </button>
        <span className="line-detail">
          <span>
            {money(line.unitPrice, currency)}
            {line.unit === 'kg' ? ' /kg' : ' each'}
          </span>
          {line.discountTotal > 0 ? (
            <span className="line-discount">
              Discount −{money(line.discountTotal, currency)}
              {line.discount ? ` (${discountText(line.discount, currency)})` : ''}
            </span>
          ) : null}
          {line.stockWarning ? <span className="stock-warning" title="Stock on hand goes below zero with this sale; selling is still allowed">
              ⚠ No stock
            </span> : null}
        </span>
      </th>
      <td className="num line-qty">{formatQuantity(line.qtyMilli, line.unit)}</td>
      <td className="num line-total">{money(line.lineTotal, currency)}</td>
    </tr>
  );
}

export function CartLines({ cart }: { cart: CartView }) {
  const selectedLineId = useSell((s) => s.selectedLineId);
  if (cart.lines.length === 0) {
    return <p className="empty-note cart-empty">The cart is empty. Scan a product or search for one.</p>;
  }
  return (
    <div className="cart-scroll">
      <table className="cart-table" aria-label="Cart lines">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="num col-qty">
              Qty
            </th>
            <th scope="col" className="num col-total">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {cart.lines.map((line) => (
            <Line key={line.lineId} line={line} currency={cart.currency} selected={line.lineId === selectedLineId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
