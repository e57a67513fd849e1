/** Every terminal of the store as a manager sees it: this till's own status, and those other tills published. */
import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalStatusDoc } from '../../../shared/model';
import { openTempTill, type TempTill } from '../test-support/temp-till';

let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

const other = (terminalId: string, updatedAt: string, more: Partial<TerminalStatusDoc> = {}): TerminalStatusDoc => ({
  id: terminalId,
  terminalId,
  updatedAt,
  startedAt: updatedAt,
  syncState: 'online',
  lastSyncedAt: updatedAt,
  pendingTotal: 4,
  pendingCapped: false,
  rejected: 0,
  openShiftId: '',
  openShiftBy: '',
  openShiftAt: '',
  lastSaleNumber: '',
  lastSaleAt: '',
  ...more,
});

describe('the terminals view', () => {
  it('publishes this till’s status and lists every terminal, online or not, with its backlog and open shift', async () => {
    till = await openTempTill({ demo: true, demoProducts: 30, terminalStatus: { checkMs: 50, heartbeatMs: 60_000 } });
    await till.core.terminals.flushed();
    await expect.poll(async () => (await till!.db.terminal_status.findOne('T1').exec())?.terminalId).toBe('T1');

    const now = Date.now();
    // As sync would bring them: one till heard from a minute ago with a shift open, one silent for an hour.
    await till.db.terminal_status.bulkInsert([
      other('T2', new Date(now - 60_000).toISOString(), { openShiftId: 'T2-SHIFT', openShiftBy: 'DEMO-U1', openShiftAt: new Date(now - 3_600_000).toISOString() }),
      other('T3', new Date(now - 3_600_000).toISOString(), { pendingTotal: 120, pendingCapped: false }),
    ]);
    await till.must('m', 'auth.login', { username: 'maria', secret: '4321' });
    await till.must('m', 'shifts.open', { counts: [{ value: 1000, count: 5 }] });
    await expect.poll(async () => (await till!.db.terminal_status.findOne('T1').exec())?.openShiftId).not.toBe('');

    const list = await till.must('m', 'terminals.list', {});
    expect(list.map((t) => [t.terminalId, t.state, t.self])).toEqual([
      ['T1', 'online', true],
      ['T2', 'online', false],
      ['T3', 'offline', false],
    ]);
    expect(list[0]!.openShift?.openedBy).toBe('Maria Manager');
    expect(list[1]!.openShift).toMatchObject({ shiftId: 'T2-SHIFT', openedBy: 'Clara Clerk' });
    expect(list[2]).toMatchObject({ pendingTotal: 120, openShift: null });
    await till.must('c', 'auth.login', { username: 'clara', secret: '1234' });
    expect(await till.call('c', 'terminals.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
