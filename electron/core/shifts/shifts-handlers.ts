/** The shift commands: this terminal's desk for clerks, every terminal's shifts and reports for managers. */
import { sessionOf, type HandlerMap } from '../api/handler-types';
import type { ShiftDesk } from './shift-desk';

type ShiftCommands =
  | 'shifts.current'
  | 'shifts.open'
  | 'shifts.cashMovement'
  | 'shifts.noSale'
  | 'shifts.xReport'
  | 'shifts.close'
  | 'shifts.report'
  | 'shifts.list';

export function createShiftsHandlers(desk: ShiftDesk): HandlerMap<ShiftCommands> {
  return {
    'shifts.current': () => desk.desk(),
    'shifts.open': (input, call) => desk.openShift(sessionOf(call).user, input.counts),
    'shifts.cashMovement': (input, call) => desk.moveCash(sessionOf(call).user, input.kind, input.amount, input.reason),
    'shifts.noSale': (input, call) => desk.moveCash(sessionOf(call).user, 'no_sale', 0, input.reason),
    'shifts.xReport': () => desk.xReport(),
    'shifts.close': (input, call) => desk.close(sessionOf(call).user, input.shiftId, input.counts, input.approval),
    'shifts.report': (input) => desk.reportOf(input.shiftId),
    'shifts.list': (input) => desk.list(input.from, input.to, input.terminalId),
  };
}
