/** Which cart line is selected after the cart changed: pure rules, so the till's feel is tested, not guessed. */
import type { CartLineView, CartView } from '../../../shared/api/commands/selling-commands';

/** The line an edit added or changed (new line, or a different quantity), or null when none did. */
export function changedLineId(before: CartView | null, after: CartView): string | null {
  const old = new Map((before?.lines ?? []).map((l) => [l.lineId, l] as const));
  for (let i = after.lines.length - 1; i >= 0; i--) {
    const line = after.lines[i]!;
    const was = old.get(line.lineId);
    if (!was || was.qtyMilli !== line.qtyMilli) return line.lineId;
  }
  return null;
}

/** Keep the selection if the line is still there; else its neighbour (same position, or the one before). */
export function keptSelection(selected: string | null, before: CartView | null, after: CartView): string | null {
  if (selected === null) return null;
  if (after.lines.some((l) => l.lineId === selected)) return selected;
  const index = (before?.lines ?? []).findIndex((l) => l.lineId === selected);
  if (index < 0 || after.lines.length === 0) return null;
  return after.lines[Math.min(index, after.lines.length - 1)]!.lineId;
}

/** The selection after a change: the edited line if there was one, else the kept one. */
export function nextSelection(selected: string | null, before: CartView | null, after: CartView): string | null {
  return changedLineId(before, after) ?? keptSelection(selected, before, after);
}

/** Moving the selection with ↑/↓: stops at the ends; from nothing, ↓ picks the first line and ↑ the last. */
export function movedSelection(lines: readonly CartLineView[], selected: string | null, step: 1 | -1): string | null {
  if (lines.length === 0) return null;
  const index = lines.findIndex((l) => l.lineId === selected);
  if (index < 0) return (step === 1 ? lines[0] : lines[lines.length - 1])!.lineId;
  return lines[Math.max(0, Math.min(lines.length - 1, index + step))]!.lineId;
}

export function selectedLine(cart: CartView | null, selected: string | null): CartLineView | null {
  return cart?.lines.find((l) => l.lineId === selected) ?? null;
}
