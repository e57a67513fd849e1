/**
 * A manager's stock adjustment: goods received, damaged, or a product counted. One movement (written by the sale
 * book, the till's one writer of stock movements) and one audit event; bad input is refused before anything is
 * written. Runs in the write queue, so a count is compared with on hand while no sale is halfway through.
 */
import type { StockAdjustment } from '../../../shared/api/commands/stock-commands';
import type { StockMovementDoc } from '../../../shared/model';
import { planAdjustment, type AdjustReason } from '../../../shared/stock/stock-rules';
import type { Session } from '../auth/session-registry';
import type { SellingContext } from '../selling/selling-context';
import { isoNow } from '../services/core-context';
import { activeProduct, stockRow } from './stock-rows';

export interface AdjustInput {
  productId: string;
  reason: AdjustReason;
  qtyMilli: number;
  note?: string | undefined;
}

export function adjustStock(s: SellingContext, input: AdjustInput, session: Session): Promise<StockAdjustment> {
  return s.queue(async () => {
    const found = activeProduct(s, input.productId);
    const plan = planAdjustment(input.reason, found.product.unit, input.qtyMilli, s.stock.onHand(found.product.id));
    const id = s.ctx.newId();
    const movement: StockMovementDoc = {
      id,
      productId: found.product.id,
      terminalId: s.ctx.terminalId,
      qtyMilli: plan.qtyMilli,
      reason: plan.reason,
      refId: id,
      createdAt: isoNow(s.ctx),
      note: input.note ?? '',
      userId: session.user.id,
    };
    await s.book.insertMovements([movement]);
    // The movement names its user and reason, so a crash before this event loses no accountability.
    await s.ctx.audit.record({
      actorId: session.user.id,
      type: 'stock.adjusted',
      subjectId: found.product.id,
      details: { movementId: id, reason: input.reason, qtyMilli: plan.qtyMilli, note: movement.note },
    });
    return { movementId: id, qtyMilli: plan.qtyMilli, row: stockRow(s, found) };
  });
}
