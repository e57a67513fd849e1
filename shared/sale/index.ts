export { emptyCart, MAX_CART_LINES, MAX_LINE_AMOUNT, MAX_QTY_MILLI, type Cart, type CartLine, type Discount, type NewCartLine } from './cart';
export { addLine, removeLine, setCartDiscount, setLineDiscount, setQuantity } from './cart-ops';
export { discountNeedsOverride } from './override';
export { toSaleAmounts, toSaleLines } from './sale-lines';
export { assertSaleSettings, FULL_BP, TAX_ROUNDINGS, type SaleSettings, type TaxRounding } from './settings';
export { taxIncluded, taxOnTop } from './tax';
export { settleTenders, type SettledPayment, type Settlement, type Tender, type TenderMethod } from './tenders';
export { computeTotals, type LineTotals, type SaleTotals, type TaxBreakdownRow } from './totals';
