/** Test helper: a drawer count of `amount` (minor units) in EUR notes and coins, largest first. */
export function toCounts(amount: number): { value: number; count: number }[] {
  const out: { value: number; count: number }[] = [];
  let left = amount;
  for (const value of [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1]) {
    const count = Math.floor(left / value);
    if (count > 0) out.push({ value, count });
    left -= count * value;
  }
  return out;
}
