/**
 * Shifts and cash control on this terminal: the only writer of `shifts`. A shift opens with a float counted by
 * denomination, records paid-ins, paid-outs and no-sales, and closes with the cash counted, its variance against
 * the expected cash (shared/shifts/shift-figures.ts) and a Z number. Every step is one write of the shift document
 * (durable when the clerk is told it worked) and an audit event with a fixed id (`<shiftId>-O`, the movement's own
 * id, `<shiftId>-Z`), written right after and again when the core opens, so a crash between the two loses neither.
 *
 * Everything runs in the till's write queue (its commands are declared as writing; an X report waits its turn too,
 * so it never sees half a sale), so a sale and a shift's opening or close never interleave, and the sales of
 * a shift are exactly its terminal's sales from the opening to the close (the desk lets the clock pass the
 * millisecond of each opening and close before the next sale can start).
 */
import type { CashMovementView, ShiftDeskView, ShiftReportView, ShiftSummary, ShiftView } from '../../../shared/api/commands/shifts-commands';
import type { UserSummary } from '../../../shared/api/commands/auth-commands';
import { TillError } from '../../../shared/api/errors';
import { currencyDigits, minorToDecimal } from '../../../shared/money';
import type { AuditEventDoc, CashMovement, CashMovementKind, DenominationCount, SaleDoc, ShiftDoc } from '../../../shared/model';
import type { StoreCalendar } from '../../../shared/reports/store-calendar';
import { addDays } from '../../../shared/reports/store-calendar';
import { countedTotal, denominationsOf } from '../../../shared/shifts/denominations';
import { drawerFigures, inShift, shiftSalesFigures } from '../../../shared/shifts/shift-figures';
import type { CredentialAttempt, CredentialCheck } from '../auth/credential-check';
import { isoNow, type CoreContext } from '../services/core-context';
import type { SettingsFeed } from '../selling/store-settings';

export interface ShiftDeskDeps {
  ctx: CoreContext;
  settings: SettingsFeed;
  credentials: CredentialCheck;
  /** A user's display name (the receipts' cache). */
  nameOf: (userId: string) => Promise<string>;
  calendar: StoreCalendar;
}

const MOVEMENT_EVENT: Record<CashMovementKind, string> = { paid_in: 'cash.paid_in', paid_out: 'cash.paid_out', no_sale: 'cash.no_sale' };

export class ShiftDesk {
  private open: ShiftDoc | null = null;
  private readonly listeners = new Set<(shift: ShiftDoc | null) => void>();

  private constructor(private readonly deps: ShiftDeskDeps) {}

  /** Loads this terminal's open shift and completes the audit events a crash may have left unwritten. */
  static async start(deps: ShiftDeskDeps): Promise<ShiftDesk> {
    const desk = new ShiftDesk(deps);
    const { ctx } = deps;
    const mine = (await ctx.db.shifts.find({ selector: { terminalId: ctx.terminalId }, sort: [{ terminalId: 'asc' }, { openedAt: 'asc' }] }).exec()).map(
      (d) => d.toMutableJSON() as ShiftDoc,
    );
    desk.open = mine.filter((s) => s.status === 'open').at(-1) ?? null;
    const lastClosed = mine.filter((s) => s.status === 'closed').at(-1);
    const recent = [desk.open, lastClosed].filter((s): s is ShiftDoc => s !== null && s !== undefined);
    await ctx.audit.recordOnce(recent.flatMap((s) => auditEventsOf(s)));
    return desk;
  }

  get current(): ShiftDoc | null {
    return this.open;
  }

  onChange(listener: (shift: ShiftDoc | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checkout and returns ask this first: refused while the store requires a shift and none is open. */
  assertMayTakeMoney(): void {
    if (this.open || !this.deps.settings.current().requireOpenShift) return;
    throw new TillError('NO_OPEN_SHIFT', 'No shift is open on this till: open a shift (Shift, count the float) before selling or refunding.');
  }

  async desk(): Promise<ShiftDeskView> {
    const settings = this.deps.settings.current();
    return {
      terminalId: this.deps.ctx.terminalId,
      shift: this.open ? await this.view(this.open) : null,
      currency: settings.currency,
      denominations: denominationsOf(settings.currency),
      requireOpenShift: settings.requireOpenShift,
      varianceLimit: settings.cashVarianceLimit,
    };
  }

  openShift(user: UserSummary, counts: DenominationCount[]): Promise<ShiftView> {
    return this.deps.ctx.writes(async () => {
      if (this.open) throw new TillError('CONFLICT', `A shift is open on this till already (since ${this.open.openedAt}): close it first.`);
      const counted = countedTotal(this.deps.settings.current().currency, counts);
      await this.passMillisecond();
      const { ctx } = this.deps;
      const shift: ShiftDoc = {
        id: ctx.newId(),
        terminalId: ctx.terminalId,
        openedBy: user.id,
        openedAt: isoNow(ctx),
        openingFloat: counted.total,
        openingCount: counted.counts,
        movements: [],
        closedBy: '',
        closedAt: '',
        closingCount: [],
        countedCash: 0,
        expectedCash: 0,
        variance: 0,
        varianceApprovedBy: '',
        zNumber: 0,
        status: 'open',
      };
      await ctx.db.shifts.insert(shift);
      this.open = shift;
      await ctx.audit.recordOnce(auditEventsOf(shift));
      await this.passMillisecond();
      this.announce();
      return this.view(shift);
    });
  }

  /** A paid-in, a paid-out (amount > 0) or a no-sale (amount 0), with its reason. */
  moveCash(user: UserSummary, kind: CashMovementKind, amount: number, reason: string): Promise<ShiftView> {
    return this.deps.ctx.writes(async () => {
      const shift = this.requireOpen();
      if (kind === 'paid_out') {
        const expected = await this.expectedNow(shift);
        if (amount > expected) {
          const show = (m: number) => minorToDecimal(m, currencyDigits(this.deps.settings.current().currency));
          throw new TillError('BAD_INPUT', `The drawer should hold only ${show(expected)}: a paid-out of ${show(amount)} is more than that.`);
        }
      }
      const movement: CashMovement = {
        id: `${shift.id}-M${shift.movements.length + 1}`,
        kind,
        amount: kind === 'no_sale' ? 0 : amount,
        reason,
        at: isoNow(this.deps.ctx),
        by: user.id,
      };
      const next = await this.write(shift, { movements: [...shift.movements, movement] });
      this.open = next;
      await this.deps.ctx.audit.recordOnce(auditEventsOf(next).filter((e) => e.id === movement.id));
      this.announce();
      return this.view(next);
    });
  }

  xReport(): Promise<ShiftReportView> {
    return this.deps.ctx.writes(async () => this.report(this.requireOpen(), 'X', false));
  }

  /**
   * Counts the drawer, compares it with the expected cash, and closes the shift with the next Z number. A variance
   * over the store's limit needs a manager: a manager's own session, or `approval` typed at a clerk's till.
   */
  close(user: UserSummary, shiftId: string, counts: DenominationCount[], approval: CredentialAttempt | undefined): Promise<ShiftReportView> {
    return this.deps.ctx.writes(async () => {
      const shift = await this.closable(shiftId);
      const settings = this.deps.settings.current();
      const counted = countedTotal(settings.currency, counts);
      await this.passMillisecond();
      const closedAt = isoNow(this.deps.ctx);
      const sales = await this.salesOf({ ...shift, closedAt, status: 'closed' });
      const drawer = drawerFigures(shift.openingFloat, sales, shift.movements);
      const variance = counted.total - drawer.expected;
      let approverId = '';
      if (Math.abs(variance) > settings.cashVarianceLimit) {
        if (user.role !== 'clerk') approverId = user.id;
        else if (!approval) {
          const show = (m: number) => minorToDecimal(m, currencyDigits(settings.currency));
          throw new TillError(
            'APPROVAL_REQUIRED',
            `The count is ${show(Math.abs(variance))} ${variance < 0 ? 'short' : 'over'} (expected ${show(drawer.expected)}, counted ${show(counted.total)}): more than the ${show(settings.cashVarianceLimit)} the store allows. Count again, or ask a manager to approve it with their PIN.`,
          );
        } else approverId = (await this.deps.credentials.approveAsManager(approval, user.id, 'cash variance')).id;
      }
      const closed = await this.write(shift, {
        closedBy: user.id,
        closedAt,
        closingCount: counted.counts,
        countedCash: counted.total,
        expectedCash: drawer.expected,
        variance,
        varianceApprovedBy: approverId,
        zNumber: (await this.lastZ()) + 1,
        status: 'closed',
      });
      this.open = null;
      await this.deps.ctx.audit.recordOnce(auditEventsOf(closed).filter((e) => e.id === `${closed.id}-Z`));
      await this.passMillisecond();
      this.announce();
      return this.report(closed, 'Z', false, sales);
    });
  }

  /** The Z of a closed shift (a reprint), or the X of an open one, of any terminal. */
  async reportOf(shiftId: string): Promise<ShiftReportView> {
    const doc = await this.deps.ctx.db.shifts.findOne(shiftId).exec();
    if (!doc) throw new TillError('NOT_FOUND', 'No such shift on this till.');
    const shift = doc.toMutableJSON() as ShiftDoc;
    return shift.status === 'closed' ? this.report(shift, 'Z', true) : this.report(shift, 'X', false);
  }

  /** Shifts of every terminal opened in the range of store days, newest first. */
  async list(from: string, to: string, terminalId: string | undefined): Promise<ShiftSummary[]> {
    const { calendar } = this.deps;
    const docs = await this.deps.ctx.db.shifts
      .find({ selector: { openedAt: { $gte: calendar.dayStart(from), $lt: calendar.dayStart(addDays(to, 1)) } }, sort: [{ openedAt: 'asc' }] })
      .exec();
    const shifts = docs.map((d) => d.toMutableJSON() as ShiftDoc).filter((s) => terminalId === undefined || s.terminalId === terminalId);
    const out: ShiftSummary[] = [];
    for (const s of shifts.reverse()) {
      out.push({
        shiftId: s.id,
        terminalId: s.terminalId,
        status: s.status,
        openedAt: s.openedAt,
        openedByName: await this.deps.nameOf(s.openedBy),
        closedAt: s.closedAt,
        closedByName: s.closedBy ? await this.deps.nameOf(s.closedBy) : '',
        openingFloat: s.openingFloat,
        expectedCash: s.expectedCash,
        countedCash: s.countedCash,
        variance: s.variance,
        zNumber: s.zNumber,
      });
    }
    return out;
  }

  async view(shift: ShiftDoc): Promise<ShiftView> {
    return {
      shiftId: shift.id,
      terminalId: shift.terminalId,
      status: shift.status,
      openedAt: shift.openedAt,
      openedByName: await this.deps.nameOf(shift.openedBy),
      openingFloat: shift.openingFloat,
      openingCount: shift.openingCount.map((c) => ({ ...c })),
      movements: await this.movementViews(shift.movements),
      closedAt: shift.closedAt,
      closedByName: shift.closedBy ? await this.deps.nameOf(shift.closedBy) : '',
      countedCash: shift.countedCash,
      expectedCash: shift.expectedCash,
      variance: shift.variance,
      zNumber: shift.zNumber,
    };
  }

  private async movementViews(movements: readonly CashMovement[]): Promise<CashMovementView[]> {
    const out: CashMovementView[] = [];
    for (const m of movements) out.push({ id: m.id, kind: m.kind, amount: m.amount, reason: m.reason, at: m.at, byName: await this.deps.nameOf(m.by) });
    return out;
  }

  private async report(shift: ShiftDoc, kind: 'X' | 'Z', reprint: boolean, knownSales?: SaleDoc[]): Promise<ShiftReportView> {
    const at = kind === 'Z' ? shift.closedAt : isoNow(this.deps.ctx);
    const sales = knownSales ?? (await this.salesOf(kind === 'Z' ? shift : { ...shift, status: 'open' }));
    const figures = shiftSalesFigures(sales);
    const drawer = drawerFigures(shift.openingFloat, sales, shift.movements);
    const settings = this.deps.settings.current();
    return {
      kind,
      reprint,
      at,
      store: { name: settings.storeName, address: settings.storeAddress, taxId: settings.storeTaxId },
      terminalId: shift.terminalId,
      shiftId: shift.id,
      zNumber: shift.zNumber,
      currency: sales[0]?.currency ?? settings.currency,
      openedAt: shift.openedAt,
      openedByName: await this.deps.nameOf(shift.openedBy),
      closedAt: shift.closedAt,
      closedByName: shift.closedBy ? await this.deps.nameOf(shift.closedBy) : '',
      transactions: figures.transactions,
      returnsCount: figures.returnsCount,
      gross: figures.gross,
      discounts: figures.discounts,
      returns: figures.returns,
      net: figures.net,
      tax: figures.tax,
      tenders: figures.tenders,
      cash: {
        openingFloat: drawer.openingFloat,
        cashSales: drawer.cashSales,
        cashRefunds: drawer.cashRefunds,
        paidIn: drawer.paidIn,
        paidOut: drawer.paidOut,
        // A Z shows what was decided at the close; the X what the drawer should hold now.
        expected: kind === 'Z' ? shift.expectedCash : drawer.expected,
        counted: kind === 'Z' ? shift.countedCash : null,
        variance: kind === 'Z' ? shift.variance : null,
      },
      noSales: drawer.noSales,
      movements: await this.movementViews(shift.movements),
      openingCount: shift.openingCount.map((c) => ({ ...c })),
      closingCount: shift.closingCount.map((c) => ({ ...c })),
      varianceApprovedByName: shift.varianceApprovedBy ? await this.deps.nameOf(shift.varianceApprovedBy) : '',
    };
  }

  /** The shift's terminal's completed sales and returns from its opening to its close (or now, while open). */
  private async salesOf(shift: ShiftDoc): Promise<SaleDoc[]> {
    const until = shift.status === 'closed' ? { $lte: shift.closedAt } : {};
    const docs = await this.deps.ctx.db.sales
      .find({ selector: { createdAt: { $gte: shift.openedAt, ...until }, terminalId: shift.terminalId }, sort: [{ createdAt: 'asc' }] })
      .exec();
    return docs.map((d) => d.toMutableJSON() as SaleDoc).filter((sale) => inShift(shift, sale));
  }

  private async expectedNow(shift: ShiftDoc): Promise<number> {
    return drawerFigures(shift.openingFloat, await this.salesOf(shift), shift.movements).expected;
  }

  private requireOpen(): ShiftDoc {
    if (!this.open) throw new TillError('NO_OPEN_SHIFT', 'No shift is open on this till: open one first.');
    return this.open;
  }

  /** The open shift with this id; a closed one is refused (its Z exists already and is only reprinted). */
  private async closable(shiftId: string): Promise<ShiftDoc> {
    if (this.open?.id === shiftId) return this.open;
    const doc = await this.deps.ctx.db.shifts.findOne(shiftId).exec();
    if (doc && doc.status === 'closed') {
      throw new TillError('CONFLICT', `This shift was closed already with Z report ${doc.zNumber}: a shift has one Z report. A manager can reprint it under Shifts.`);
    }
    if (doc && doc.terminalId !== this.deps.ctx.terminalId) throw new TillError('CONFLICT', `That shift belongs to till ${doc.terminalId}: close it there.`);
    throw new TillError('NOT_FOUND', 'That shift is not open on this till.');
  }

  private async lastZ(): Promise<number> {
    const { ctx } = this.deps;
    const docs = await ctx.db.shifts.find({ selector: { terminalId: ctx.terminalId, status: 'closed' } }).exec();
    return docs.reduce((max, d) => Math.max(max, d.zNumber), 0);
  }

  private async write(shift: ShiftDoc, changes: Partial<ShiftDoc>): Promise<ShiftDoc> {
    const doc = await this.deps.ctx.db.shifts.findOne(shift.id).exec();
    if (!doc) throw new Error(`Shift ${shift.id} vanished from the store`);
    const written = await doc.incrementalPatch(changes);
    return written.toMutableJSON() as ShiftDoc;
  }

  private announce(): void {
    for (const listener of this.listeners) listener(this.open);
  }

  /**
   * Waits (at most a few ms) until the clock is past the current millisecond, so a sale can never share the
   * millisecond of a shift's opening or close and land on the wrong side of it.
   */
  private async passMillisecond(): Promise<void> {
    const start = this.deps.ctx.now();
    for (let i = 0; i < 5 && this.deps.ctx.now() === start; i++) await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** The audit events a shift document implies, with ids fixed by it: opening, each cash movement, the close. */
export function auditEventsOf(shift: ShiftDoc): AuditEventDoc[] {
  const events: AuditEventDoc[] = [
    {
      id: `${shift.id}-O`,
      terminalId: shift.terminalId,
      at: shift.openedAt,
      actorId: shift.openedBy,
      type: 'shift.opened',
      subjectId: shift.id,
      details: { openingFloat: shift.openingFloat },
    },
  ];
  for (const m of shift.movements) {
    events.push({
      id: m.id,
      terminalId: shift.terminalId,
      at: m.at,
      actorId: m.by,
      type: MOVEMENT_EVENT[m.kind],
      subjectId: shift.id,
      details: { amount: m.amount, reason: m.reason },
    });
  }
  if (shift.status === 'closed') {
    const details: AuditEventDoc['details'] = {
      zNumber: shift.zNumber,
      expectedCash: shift.expectedCash,
      countedCash: shift.countedCash,
      variance: shift.variance,
    };
    if (shift.varianceApprovedBy) details.approverId = shift.varianceApprovedBy;
    events.push({ id: `${shift.id}-Z`, terminalId: shift.terminalId, at: shift.closedAt, actorId: shift.closedBy, type: 'shift.closed', subjectId: shift.id, details });
  }
  return events;
}
