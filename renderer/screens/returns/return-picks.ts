/**
 * Which lines of a sale come back, and how many: checked against what may still be returned (sold minus already
 * returned) before the request goes out. The till service checks the same again.
 */
import type { ReturnableLine, ReturnableSale } from '../../../shared/api/commands/selling-commands';
import { formatQuantity, quantityInput } from '../sell/display-format';
import { parseQuantity, type Entry } from '../sell/entry-parsing';

export interface ReturnPick {
  lineIndex: number;
  chosen: boolean;
  /** The quantity as typed ("1", "0.250"). */
  text: string;
}

export interface ReturnLineRequest {
  lineIndex: number;
  qtyMilli: number;
}

/** Nothing chosen at first; a chosen line starts at all that may come back. */
export function initialPicks(sale: ReturnableSale): ReturnPick[] {
  return sale.lines.map((l) => ({ lineIndex: l.lineIndex, chosen: false, text: quantityInput(l.returnableQtyMilli, l.unit) }));
}

export function returnRequest(sale: ReturnableSale, picks: readonly ReturnPick[]): Entry<ReturnLineRequest[]> {
  const byIndex = new Map<number, ReturnableLine>(sale.lines.map((l) => [l.lineIndex, l]));
  const lines: ReturnLineRequest[] = [];
  for (const pick of picks) {
    if (!pick.chosen) continue;
    const line = byIndex.get(pick.lineIndex);
    if (!line) return { ok: false, message: 'That line is not on this receipt.' };
    const qty = parseQuantity(pick.text, line.unit);
    if (!qty.ok) return { ok: false, message: `${line.name}: ${qty.message}` };
    if (qty.value > line.returnableQtyMilli) {
      const most = formatQuantity(line.returnableQtyMilli, line.unit);
      return { ok: false, message: `${line.name}: at most ${most} can come back (sold ${formatQuantity(line.soldQtyMilli, line.unit)}, already returned ${formatQuantity(line.returnedQtyMilli, line.unit)}).` };
    }
    lines.push({ lineIndex: line.lineIndex, qtyMilli: qty.value });
  }
  if (lines.length === 0) return { ok: false, message: 'Choose at least one line to return.' };
  return { ok: true, value: lines };
}
