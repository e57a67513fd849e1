/**
 * Which tax each line carries, under the store's rounding setting.
 * - 'per-line': each line's tax is rounded on its own; the sale's tax is their sum.
 * - 'per-total': for each tax class the tax is computed once on the summed net of its lines and rounded once, then
 *   shared back to those lines by largest remainder (weights = line nets), so line taxes still add up to it.
 * The two can differ by a few minor units on the same cart; which one applies is the tax office's call.
 */
import { allocate } from '../money/allocate';
import type { TaxClass } from '../model';
import type { SaleSettings } from './settings';
import { taxFor } from './tax';

export interface TaxableLine {
  taxClass: TaxClass;
  /** What the line comes to after all discounts (tax inside it when prices include tax). */
  net: number;
}

export function lineTaxes(lines: readonly TaxableLine[], settings: SaleSettings): number[] {
  const { taxRates, pricesIncludeTax } = settings;
  if (settings.taxRounding === 'per-line') {
    return lines.map((l) => taxFor(l.net, taxRates[l.taxClass], pricesIncludeTax));
  }
  const taxes: number[] = lines.map(() => 0);
  const byClass = new Map<TaxClass, number[]>();
  lines.forEach((l, index) => {
    const indexes = byClass.get(l.taxClass) ?? [];
    indexes.push(index);
    byClass.set(l.taxClass, indexes);
  });
  for (const [taxClass, indexes] of byClass) {
    const nets = indexes.map((i) => lines[i]!.net);
    const classTax = taxFor(nets.reduce((a, b) => a + b, 0), taxRates[taxClass], pricesIncludeTax);
    // All-zero nets (everything discounted away) carry no tax, and allocate needs a non-zero weight otherwise.
    if (classTax === 0) continue;
    allocate(classTax, nets).forEach((share, k) => {
      taxes[indexes[k]!] = share;
    });
  }
  return taxes;
}
