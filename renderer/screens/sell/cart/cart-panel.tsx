/** The right half of the selling screen: the latest problem, the lines, the totals and the pay keys. */
import { AlertMessage } from '../../../components/alert-message';
import { CommandButton } from '../command-button';
import { useSell } from '../sell-session';
import { CartLines } from './cart-lines';
import { CartTotals } from './cart-totals';
import './cart.css';

function lineCount(lines: number): string {
  return `${lines} ${lines === 1 ? 'line' : 'lines'}`;
}

export function CartPanel() {
  const cart = useSell((s) => s.cart);
  const busy = useSell((s) => s.pending > 0);
  const alert = useSell((s) => s.alert);
  return (
    <section className="cart-pane" aria-labelledby="cart-heading" aria-busy={busy}>
      <div className="pane-heading">
        <h2 id="cart-heading">Cart</h2>
        {cart ? <p className="cart-count">{lineCount(cart.lines.length)}</p> : null}
      </div>
      <AlertMessage message={alert} />
      {cart ? <CartLines cart={cart} /> : <p className="empty-note cart-empty">Loading the cart…</p>}
      {cart ? <CartTotals cart={cart} /> : null}
      <div className="pay-keys" role="group" aria-label="Payment">
        <CommandButton name="payCash" className="pay-key" />
        <CommandButton name="payCard" className="pay-key" />
        <CommandButton name="paySplit" label="Split" className="pay-key pay-key-secondary" />
      </div>
    </section>
  );
}

/** Along the bottom, like a till's function-key strip: the selected line's actions, then the sale's. */
export function CommandBar() {
  return (
    <div className="command-bar">
      <div role="group" aria-label="Selected line" className="command-group">
        <CommandButton name="decrease" className="button-secondary" />
        <CommandButton name="increase" className="button-secondary" />
        <CommandButton name="quantity" label="Quantity…" className="button-secondary" />
        <CommandButton name="removeLine" className="button-secondary" />
      </div>
      <div role="group" aria-label="Sale" className="command-group">
        <CommandButton name="discount" label="Discount…" className="button-secondary" />
        <CommandButton name="park" label="Park…" className="button-secondary" />
        <CommandButton name="resume" className="button-secondary" />
        <CommandButton name="clearSale" label="Clear sale…" className="button-secondary button-danger" />
      </div>
    </div>
  );
}
