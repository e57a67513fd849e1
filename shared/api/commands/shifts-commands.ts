/**
 * Shifts and cash control at a till: open with a counted float, paid-ins and paid-outs, a no-sale drawer open, the
 * X report mid-shift, and the close with the counted cash, its variance and the Z report. Managers see the
 * shifts of every terminal and reprint their reports. Money is integer minor units.
 */
import { z } from 'zod';
import type { CashMovementKind, CurrencyCode, DenominationCount } from '../../model';
import { command, entityId, noInput } from '../command-spec';
import { rangeInput } from './reports-commands';
import type { TaxRateFigure } from './reports-commands';

const reason = z
  .string()
  .trim()
  .min(1, 'Give a reason')
  .max(80, 'Reason: at most 80 characters')
  .regex(/^[^\p{Cc}]*$/u, 'Reason: no control characters');
/** A count of the drawer: each denomination once, whole pieces. */
export const drawerCount = z
  .array(z.object({ value: z.number().int().min(1).max(1e9), count: z.number().int().min(0).max(100_000) }).strict())
  .max(40)
  .superRefine((counts, ctx) => {
    const seen = new Set<number>();
    for (const c of counts) {
      if (seen.has(c.value)) ctx.addIssue({ code: 'custom', message: `Denomination ${c.value} is counted twice` });
      seen.add(c.value);
    }
  });
/** A manager's credentials typed at the till to approve a variance over the store's limit. */
const approval = z
  .object({
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,32}$/, 'Username: 2–32 letters, digits, dot, dash or underscore'),
    secret: z.string().min(4).max(128),
  })
  .strict();

export interface CashMovementView {
  id: string;
  kind: CashMovementKind;
  amount: number;
  reason: string;
  at: string;
  byName: string;
}

export interface ShiftView {
  shiftId: string;
  terminalId: string;
  status: 'open' | 'closed';
  openedAt: string;
  openedByName: string;
  openingFloat: number;
  openingCount: DenominationCount[];
  movements: CashMovementView[];
  closedAt: string;
  closedByName: string;
  countedCash: number;
  expectedCash: number;
  variance: number;
  zNumber: number;
}

/** What the till's shift screen needs: this terminal's open shift and the rules it runs under. */
export interface ShiftDeskView {
  terminalId: string;
  shift: ShiftView | null;
  currency: CurrencyCode;
  /** Notes and coins of the store's currency, largest first, in minor units. */
  denominations: number[];
  requireOpenShift: boolean;
  /** A variance beyond this (either way) needs a manager's approval. */
  varianceLimit: number;
}

/** An X (mid-shift) or Z (close) report: what the shift sold and what the drawer should hold. */
export interface ShiftReportView {
  kind: 'X' | 'Z';
  /** A Z printed again later: the paper says so. */
  reprint: boolean;
  /** When this report was made (for a Z: the close). */
  at: string;
  store: { name: string; address: string; taxId: string };
  terminalId: string;
  shiftId: string;
  zNumber: number;
  currency: CurrencyCode;
  openedAt: string;
  openedByName: string;
  closedAt: string;
  closedByName: string;
  transactions: number;
  returnsCount: number;
  gross: number;
  discounts: number;
  returns: number;
  net: number;
  tax: TaxRateFigure[];
  tenders: { method: string; taken: number; refunded: number }[];
  cash: {
    openingFloat: number;
    cashSales: number;
    cashRefunds: number;
    paidIn: number;
    paidOut: number;
    expected: number;
    /** null on an X report (nothing counted yet). */
    counted: number | null;
    variance: number | null;
  };
  noSales: number;
  movements: CashMovementView[];
  openingCount: DenominationCount[];
  closingCount: DenominationCount[];
  varianceApprovedByName: string;
}

export interface ShiftSummary {
  shiftId: string;
  terminalId: string;
  status: 'open' | 'closed';
  openedAt: string;
  openedByName: string;
  closedAt: string;
  closedByName: string;
  openingFloat: number;
  expectedCash: number;
  countedCash: number;
  variance: number;
  zNumber: number;
}

export const shiftsCommands = {
  'shifts.current': command<ShiftDeskView>()(noInput, 'clerk', 'reads'),
  /** Opens this terminal's shift with the float counted by denomination. */
  'shifts.open': command<ShiftView>()(z.object({ counts: drawerCount }).strict(), 'clerk', 'writes'),
  'shifts.cashMovement': command<ShiftView>()(
    z.object({ kind: z.enum(['paid_in', 'paid_out']), amount: z.number().int().min(1).max(1e10), reason }).strict(),
    'clerk', 'writes',
  ),
  /** Opens the drawer without a sale (audited). */
  'shifts.noSale': command<ShiftView>()(z.object({ reason }).strict(), 'clerk', 'writes'),
  'shifts.xReport': command<ShiftReportView>()(noInput, 'clerk', 'reads'),
  /**
   * Closes the shift with the cash counted by denomination and answers its Z report. A variance beyond the store's
   * limit needs a manager's `approval` (a manager's own session approves). A shift is closed, and its Z made, once.
   */
  'shifts.close': command<ShiftReportView>()(
    z.object({ shiftId: entityId, counts: drawerCount, approval: approval.optional() }).strict(),
    'clerk', 'writes',
  ),
  /** A shift's report again: the Z of a closed shift (marked as a reprint), the X of an open one. */
  'shifts.report': command<ShiftReportView>()(z.object({ shiftId: entityId }).strict(), 'manager', 'reads'),
  /** Shifts of every terminal opened in the range, newest first. */
  'shifts.list': command<ShiftSummary[]>()(rangeInput, 'manager', 'reads'),
} as const;

export interface ShiftsEvents {
  /** This terminal's shift opened, moved cash or closed. */
  'shift.changed': ShiftView | null;
}
