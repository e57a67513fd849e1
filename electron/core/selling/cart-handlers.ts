/**
 * The clerk's cart: scan, add, quantities, discounts (over the clerk's limit only with a manager's approval), park
 * and resume, and the customer display's read-only view. Every change goes through `mutateCart`: written before it
 * is answered, and pushed to every screen as `cart.changed`.
 */
import type { DiscountView, ParkedCartSummary } from '../../../shared/api/commands/selling-commands';
import { TillError } from '../../../shared/api/errors';
import { orThrow } from '../../../shared/money';
import {
  addLine,
  computeTotals,
  discountNeedsOverride,
  removeLine,
  setCartDiscount,
  setLineDiscount,
  setQuantity,
  type Cart,
  type NewCartLine,
} from '../../../shared/sale';
import { classifyScan } from '../../../shared/scan';
import { sessionOf, type CallContext, type HandlerMap } from '../api/handler-types';
import type { CredentialAttempt } from '../auth/credential-check';
import type { IndexedProduct } from './catalog-index';
import { currentCartView, mutateCart, type SellingContext } from './selling-context';
import { toSaleSettings, toScanSettings } from './store-settings';
import type { ParkedCart } from './terminal-cart';

type CartCommands =
  | 'cart.get'
  | 'cart.scan'
  | 'cart.addProduct'
  | 'cart.setQuantity'
  | 'cart.removeLine'
  | 'cart.setLineDiscount'
  | 'cart.setCartDiscount'
  | 'cart.clear'
  | 'cart.park'
  | 'cart.parked'
  | 'cart.resume'
  | 'display.current';

export function createCartHandlers(s: SellingContext): HandlerMap<CartCommands> {
  /** A change whose result is the cart itself, as the screens see it. */
  const changed = (work: () => Promise<void>) =>
    mutateCart(s, async () => {
      await work();
      return currentCartView(s);
    });
  const change = (next: () => Promise<Cart>) => changed(async () => void (await s.cart.change(await next())));

  return {
    'cart.get': async () => currentCartView(s),
    'display.current': async () => currentCartView(s),

    'cart.scan': (input) => change(async () => orThrow(addLine(s.cart.state.cart, lineFromScan(s, input.code)))),

    'cart.addProduct': (input) =>
      change(async () => {
        const found = s.catalog.get(input.productId);
        if (!found) throw new TillError('NOT_FOUND', `No product with id ${input.productId} on this till. Nothing was added.`);
        const qtyMilli = input.qtyMilli ?? (found.product.unit === 'piece' ? 1000 : undefined);
        if (qtyMilli === undefined) throw new TillError('BAD_INPUT', `"${found.product.name}" is sold by weight: enter the weight.`);
        return orThrow(addLine(s.cart.state.cart, newLine(s, found, qtyMilli)));
      }),

    'cart.setQuantity': (input, call) =>
      change(async () => keepsDiscountsAllowed(s, call, orThrow(setQuantity(s.cart.state.cart, input.lineId, input.qtyMilli)))),
    'cart.removeLine': (input, call) => change(async () => keepsDiscountsAllowed(s, call, orThrow(removeLine(s.cart.state.cart, input.lineId)))),

    'cart.setLineDiscount': (input, call) =>
      changed(async () => {
        const next = orThrow(setLineDiscount(s.cart.state.cart, input.lineId, input.discount));
        await applyDiscount(s, call, next, input.discount, input.approval, { scope: 'line', lineId: input.lineId });
      }),

    'cart.setCartDiscount': (input, call) =>
      changed(async () => {
        const next = orThrow(setCartDiscount(s.cart.state.cart, input.discount));
        await applyDiscount(s, call, next, input.discount, input.approval, { scope: 'sale', lineId: '' });
      }),

    'cart.clear': () => changed(async () => void (await s.cart.startNew())),

    'cart.park': (input, call) => mutateCart(s, async () => parkedSummary(s, await s.cart.park(input.note, sessionOf(call).user))),

    'cart.parked': async () =>
      (await s.cart.parkedCarts())
        .filter((p) => p.terminalId === s.ctx.terminalId)
        .sort((a, b) => a.parkedAt.localeCompare(b.parkedAt))
        .map((p) => parkedSummary(s, p)),

    'cart.resume': (input) => changed(async () => void (await s.cart.resume(input.parkedId))),
  };
}

function parkedSummary(s: SellingContext, parked: ParkedCart): ParkedCartSummary {
  return {
    parkedId: parked.parkedId,
    note: parked.note,
    parkedAt: parked.parkedAt,
    parkedBy: parked.parkedByName,
    lines: parked.cart.lines.length,
    total: computeTotals(parked.cart, toSaleSettings(s.settings.current())).total,
  };
}

/**
 * Lowering a quantity or removing a line can turn an amount discount given within the clerk's limit into one over
 * it (1.00 off ten items is 10 %, off one item 100 %). Unless a manager approved discounts on this cart, a clerk's
 * change that does so is refused: take the discount off, or have it approved again.
 */
function keepsDiscountsAllowed(s: SellingContext, call: CallContext, next: Cart): Cart {
  if (sessionOf(call).user.role !== 'clerk' || s.cart.state.approvedBy !== '') return next;
  if (!discountNeedsOverride(next, toSaleSettings(s.settings.current()))) return next;
  throw new TillError('APPROVAL_REQUIRED', 'This change would make the discount more than you may give: take the discount off first, or ask a manager to approve it.');
}

/**
 * Over the clerk's limit a discount needs a manager: refused with APPROVAL_REQUIRED when no approval is given,
 * with the approval's own error when it is wrong, and audited naming clerk and manager when it is right. Taking a
 * discount off never needs one. Managers and admins approve their own discounts.
 */
async function applyDiscount(
  s: SellingContext,
  call: CallContext,
  next: Cart,
  discount: DiscountView | null,
  approval: CredentialAttempt | undefined,
  where: { scope: 'line' | 'sale'; lineId: string },
): Promise<void> {
  const user = sessionOf(call).user;
  const settings = s.settings.current();
  if (discount === null || user.role !== 'clerk' || !discountNeedsOverride(next, toSaleSettings(settings))) {
    await s.cart.change(next);
    return;
  }
  const limit = `${settings.clerkDiscountLimitBp / 100} %`;
  if (!approval) throw new TillError('APPROVAL_REQUIRED', `A discount over ${limit} needs a manager: ask a manager to approve it with their PIN.`);
  const approver = await s.credentials.approveAsManager(approval, user.id, 'discount');
  const details = {
    clerkId: user.id,
    approverId: approver.id,
    scope: where.scope,
    lineId: where.lineId,
    kind: discount.kind,
    value: discount.kind === 'percent' ? discount.bp : discount.minor,
  };
  await s.ctx.audit.record({ actorId: user.id, type: 'discount.override', subjectId: s.cart.state.saleId, details });
  await s.cart.change(next, approver.id);
}

function lineFromScan(s: SellingContext, code: string): NewCartLine {
  const scanned = classifyScan(code, toScanSettings(s.settings.current()));
  switch (scanned.kind) {
    case 'invalid':
      throw new TillError('BAD_INPUT', `${scanned.reason} (scanned ${JSON.stringify(scanned.code).slice(1, -1)}). Nothing was added.`);
    case 'product': {
      const found = s.catalog.byExactBarcode(scanned.barcode);
      if (!found) throw new TillError('NOT_FOUND', `No product with barcode ${scanned.barcode}. Nothing was added.`);
      return newLine(s, found, 1000);
    }
    case 'embedded': {
      // Scale labels name the product by its item code, which is its SKU (docs/data-model.md).
      const found = s.catalog.byExactSku(scanned.itemCode);
      if (!found) throw new TillError('NOT_FOUND', `No product with item code ${scanned.itemCode} (label ${code}). Nothing was added.`);
      if (scanned.valueKind === 'price') return { ...newLine(s, found, 1000), unit: 'piece', unitPrice: scanned.price };
      if (found.product.unit !== 'kg') {
        throw new TillError('BAD_INPUT', `"${found.product.name}" is not sold by weight: label ${code} does not fit it. Nothing was added.`);
      }
      return newLine(s, found, scanned.qtyMilli);
    }
  }
}

function newLine(s: SellingContext, found: IndexedProduct, qtyMilli: number): NewCartLine {
  const { product } = found;
  if (!found.active) throw new TillError('BAD_INPUT', `"${product.name}" is no longer for sale. Nothing was added.`);
  const currency = s.settings.current().currency;
  if (product.currency !== currency) {
    throw new TillError('BAD_INPUT', `"${product.name}" is priced in ${product.currency}, the till sells in ${currency}. Nothing was added.`);
  }
  return {
    lineId: s.ctx.newId(),
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unit: product.unit,
    unitPrice: product.price,
    qtyMilli,
    taxClass: product.taxClass,
  };
}
