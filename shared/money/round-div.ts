/**
 * Integer division with one rounding rule for the whole till: HALF AWAY FROM ZERO (2.5 → 3, -2.5 → -3, 2.4 → 2).
 * It is the rule shoppers and tax offices expect ("commercial rounding"), and it is symmetric, so a refund rounds
 * exactly like the sale it reverses. Works on integers only; BigInt takes over when a product would pass 2^53.
 */

function checkedNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`Money result ${value} is beyond 2^53`);
  return result;
}

function roundDivBig(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d; // BigInt division truncates toward zero
  const remainder = n % d; // same sign as n
  const twiceRemainder = remainder < 0n ? -2n * remainder : 2n * remainder;
  if (twiceRemainder >= d) return checkedNumber(quotient + (n < 0n ? -1n : 1n));
  return checkedNumber(quotient);
}

/** numerator / denominator rounded half away from zero. Both must be integers; the result must be a safe integer. */
export function roundDiv(numerator: number | bigint, denominator: number | bigint): number {
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
      throw new RangeError(`roundDiv needs safe integers, got ${numerator} / ${denominator}`);
    }
    if (denominator === 0) throw new RangeError('Division by zero');
    // `%` is exact on safe integers, and (n - r) / d divides exactly, so this fast path never meets a float error.
    const n = denominator < 0 ? -numerator : numerator;
    const d = Math.abs(denominator);
    const remainder = n % d;
    const quotient = (n - remainder) / d;
    if (2 * Math.abs(remainder) >= d) return quotient + (n < 0 ? -1 : 1);
    return quotient + 0; // + 0 turns a -0 into 0
  }
  if (typeof numerator === 'number' && !Number.isSafeInteger(numerator)) throw new RangeError(`Not a safe integer: ${numerator}`);
  if (typeof denominator === 'number' && !Number.isSafeInteger(denominator)) throw new RangeError(`Not a safe integer: ${denominator}`);
  return roundDivBig(BigInt(numerator), BigInt(denominator));
}

/** (a × b) / denominator, rounded half away from zero; the product is taken in BigInt when it would pass 2^53. */
export function mulDiv(a: number, b: number, denominator: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) throw new RangeError(`mulDiv needs safe integers, got ${a} × ${b}`);
  const product = a * b;
  // A true product within 2^53 is computed exactly; one beyond it can only round to a float that is beyond too.
  if (Number.isSafeInteger(product)) return roundDiv(product, denominator);
  return roundDiv(BigInt(a) * BigInt(b), denominator);
}
