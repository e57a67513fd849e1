/** The screen that faces the customer: the items as they are scanned, the total, and the change after paying. */
import { useEffect, useRef } from 'react';
import { formatQuantity, money } from '../sell/display-format';
import { useCustomerDisplay } from './use-customer-display';
import './customer-display.css';

export function CustomerDisplay() {
  const state = useCustomerDisplay();
  const list = useRef<HTMLOListElement>(null);
  // The newest item is at the bottom: keep it in view as the list grows.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [state]);

  if (state.kind === 'thanks') {
    const { sale } = state;
    return (
      <main className="customer-display thanks" aria-live="polite">
        <h1>Thank you!</h1>
        <p className="cd-total">
          Total <strong>{money(sale.total, sale.currency)}</strong>
        </p>
        <p className="cd-change">
          Your change <strong>{money(sale.changeDue, sale.currency)}</strong>
        </p>
        <p className="cd-receipt">Receipt {sale.number}</p>
      </main>
    );
  }

  const cart = state.kind === 'cart' ? state.cart : null;
  if (!cart || cart.lines.length === 0) {
    return (
      <main className="customer-display idle">
        <h1>Welcome</h1>
        <p>{state.kind === 'connecting' ? 'Connecting to the till…' : 'Your items will show here.'}</p>
      </main>
    );
  }

  return (
    <main className="customer-display" aria-live="polite">
      <h1 className="visually-hidden">Your purchase</h1>
      <ol ref={list} className="cd-lines" aria-label="Items">
        {cart.lines.map((line) => (
          <li key={line.lineId} className="cd-line">
            <span className="cd-name">{line.name}</span>
            <span className="cd-qty">
              {formatQuantity(line.qtyMilli, line.unit)} × {money(line.unitPrice, cart.currency)}
            </span>
            <span className="cd-amount">{money(line.lineTotal, cart.currency)}</span>
          </li>
        ))}
      </ol>
      <footer className="cd-footer">
        {cart.discountTotal > 0 ? <p className="cd-saving">You save {money(cart.discountTotal, cart.currency)}</p> : null}
        <p className="cd-total">
          Total <strong>{money(cart.total, cart.currency)}</strong>
        </p>
      </footer>
    </main>
  );
}
