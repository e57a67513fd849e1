/**
 * Splits an integer amount into integer parts proportional to weights, summing exactly to the amount: the
 * LARGEST REMAINDER method. Each part first gets floor(total × weight / Σweights); the few units left over go one
 * each to the parts with the largest remainders, and on equal remainders to the EARLIER part (lower index), so
 * the same input always gives the same split. A zero weight gets zero. Used for a cart discount across lines and
 * for a per-total tax across lines.
 */
import { assertMinor } from './minor-units';

export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinor(total, 'Amount to split', { allowNegative: true });
  if (total < 0) return allocate(-total, weights).map((part) => (part === 0 ? 0 : -part));
  let weightSum = 0n;
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`Allocation weights must be whole and ≥ 0, got ${weight}`);
    weightSum += BigInt(weight);
  }
  if (weightSum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError(`Cannot split ${total} over weights that are all zero`);
  }

  const bigTotal = BigInt(total);
  const parts: number[] = [];
  const remainders: bigint[] = [];
  let given = 0;
  for (const weight of weights) {
    const scaled = bigTotal * BigInt(weight);
    const part = Number(scaled / weightSum); // ≤ total, so a safe integer
    parts.push(part);
    remainders.push(scaled % weightSum);
    given += part;
  }

  const leftover = total - given; // fewer than weights.length units
  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    return a - b;
  });
  for (let k = 0; k < leftover; k++) {
    const index = order[k]!;
    parts[index] = parts[index]! + 1;
  }
  return parts;
}
