export { allocate } from './allocate';
export { roundCash } from './cash-rounding';
export { formatMoney } from './format-money';
export { isIsoCurrency } from './iso-currency';
export { assertMinor, currencyDigits, isMinor, minorToDecimal } from './minor-units';
export { attempt, ok, orThrow, refuse, type Outcome } from './outcome';
export { parseMoneyInput, parseMoneyText, type ParseMoneyOptions } from './parse-money';
export { mulDiv, roundDiv } from './round-div';
