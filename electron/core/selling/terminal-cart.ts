/**
 * The terminal's one cart, held by the main process and written to local_state (`cart:current`) on every change, so
 * a crash or restart keeps it; parked carts are local_state documents too (`parked:<id>`).
 *
 * A cart knows the id its sale will get. That makes every two-step move safe without a transaction: after a crash,
 * a cart whose sale exists was paid (it starts afresh), and a cart whose sale id is also parked was half parked
 * (it is safe in the parked list) or half resumed (the parked copy goes).
 */
import { TillError } from '../../../shared/api/errors';
import { emptyCart, type Cart } from '../../../shared/sale';
import { assertCart } from '../../../shared/sale/cart-check';
import { isoNow, type CoreContext } from '../services/core-context';
import { LocalRecord, readLocalPrefix } from '../services/local-state';

export interface CartState {
  terminalId: string;
  /** The id the sale will have. Also the card processor's idempotency key, so a retried payment is not charged twice. */
  saleId: string;
  /** Goes up with every change, across restarts: checkout must name the revision the clerk saw. */
  revision: number;
  cart: Cart;
  /** The manager who approved a discount on this cart ('' if none); recorded on the sale. */
  approvedBy: string;
  /** The parked cart this one was resumed from ('' if none). */
  resumedFrom: string;
}

export interface ParkedCart {
  parkedId: string;
  terminalId: string;
  note: string;
  parkedAt: string;
  parkedById: string;
  parkedByName: string;
  saleId: string;
  cart: Cart;
  approvedBy: string;
}

const CURRENT = 'cart:current';
const PARKED = 'parked:';

export class TerminalCart {
  private constructor(
    private readonly ctx: CoreContext,
    private readonly record: LocalRecord<CartState>,
    private current: CartState,
    private readonly later: (work: () => Promise<void>) => void,
  ) {}

  /**
   * Reads the stored cart and repairs what a crash may have left half done. `later` runs a write after the command
   * that asked for it has answered, before the next one (the write queue).
   */
  static async open(
    ctx: CoreContext,
    saleExists: (saleId: string) => Promise<boolean>,
    later: (work: () => Promise<void>) => void,
  ): Promise<TerminalCart> {
    const record = new LocalRecord<CartState>(ctx, CURRENT);
    const stored = await record.read();
    const fresh = (revision: number): CartState => ({
      terminalId: ctx.terminalId,
      saleId: ctx.newId(),
      revision,
      cart: emptyCart(),
      approvedBy: '',
      resumedFrom: '',
    });
    if (!stored) return new TerminalCart(ctx, record, fresh(0), later);
    const cart = new TerminalCart(ctx, record, stored, later);
    const next = fresh(stored.revision + 1);
    if (stored.terminalId !== ctx.terminalId) {
      ctx.log.warn('The stored cart belongs to another terminal; it is set aside', { terminalId: stored.terminalId });
      return cart.save(next);
    }
    try {
      assertCart(stored.cart);
    } catch (error) {
      ctx.log.error('The stored cart is not valid; starting an empty one', { error });
      return cart.save(next);
    }
    if (await saleExists(stored.saleId)) return cart.save(next);
    const parkedTwin = (await readParked(ctx)).find((p) => p.saleId === stored.saleId);
    if (parkedTwin && parkedTwin.parkedId === stored.resumedFrom) await new LocalRecord(ctx, `${PARKED}${parkedTwin.parkedId}`).remove();
    else if (parkedTwin) return cart.save(next);
    return cart;
  }

  get state(): CartState {
    return this.current;
  }

  async change(cart: Cart, approvedBy = this.current.approvedBy): Promise<CartState> {
    await this.save({ ...this.current, cart, approvedBy, revision: this.current.revision + 1 });
    return this.current;
  }

  /** An empty cart with a new sale id: after a park, or when the clerk clears it. */
  async startNew(): Promise<CartState> {
    await this.save(this.next());
    return this.current;
  }

  /**
   * After a sale: the next cart is there at once and written right after the checkout has answered. A crash before
   * that write needs no repair of its own: on open, a stored cart whose sale exists starts afresh.
   */
  startNewAfterSale(): void {
    const next = this.next();
    this.current = next;
    this.later(async () => {
      try {
        await this.record.write(next);
      } catch (error) {
        this.ctx.log.error('The new cart after a sale was not saved; the till starts a new one when it restarts', { error });
      }
    });
  }

  private next(): CartState {
    return {
      terminalId: this.ctx.terminalId,
      saleId: this.ctx.newId(),
      revision: this.current.revision + 1,
      cart: emptyCart(),
      approvedBy: '',
      resumedFrom: '',
    };
  }

  async park(note: string, user: { id: string; displayName: string }): Promise<ParkedCart> {
    if (this.current.cart.lines.length === 0) throw new TillError('BAD_INPUT', 'The cart is empty: there is nothing to park.');
    const parked: ParkedCart = {
      parkedId: this.ctx.newId(),
      terminalId: this.ctx.terminalId,
      note,
      parkedAt: isoNow(this.ctx),
      parkedById: user.id,
      parkedByName: user.displayName,
      saleId: this.current.saleId,
      cart: this.current.cart,
      approvedBy: this.current.approvedBy,
    };
    await new LocalRecord<ParkedCart>(this.ctx, `${PARKED}${parked.parkedId}`).write(parked);
    await this.startNew();
    return parked;
  }

  parkedCarts(): Promise<ParkedCart[]> {
    return readParked(this.ctx);
  }

  async resume(parkedId: string): Promise<CartState> {
    const record = new LocalRecord<ParkedCart>(this.ctx, `${PARKED}${parkedId}`);
    const parked = await record.read();
    if (!parked) throw new TillError('NOT_FOUND', 'That parked cart is gone: it was resumed already.');
    if (parked.terminalId !== this.ctx.terminalId) {
      throw new TillError('CONFLICT', `This cart was parked on till ${parked.terminalId}: resume it there.`);
    }
    if (this.current.cart.lines.length > 0) {
      throw new TillError('CONFLICT', 'The cart has items: finish or park this sale before resuming another.');
    }
    assertCart(parked.cart);
    await this.save({
      terminalId: this.ctx.terminalId,
      saleId: parked.saleId,
      revision: this.current.revision + 1,
      cart: parked.cart,
      approvedBy: parked.approvedBy,
      resumedFrom: parkedId,
    });
    await record.remove();
    return this.current;
  }

  private async save(state: CartState): Promise<this> {
    await this.record.write(state);
    this.current = state;
    return this;
  }
}

async function readParked(ctx: CoreContext): Promise<ParkedCart[]> {
  return (await readLocalPrefix<ParkedCart>(ctx, PARKED)).map((entry) => entry.value);
}
