/**
 * The drawer's money limits at their boundaries, through the core's one door: a count off by exactly the store's
 * variance limit (over or short) closes without a manager, one minor unit more needs one; a paid-out of exactly
 * what the drawer should hold is allowed, one minor unit more is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ShiftDoc } from '../../../shared/model';
import { openTempTill, type TempTill } from '../test-support/temp-till';
import { toCounts } from './test-support/drawer-counts';

let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

const CLERK = 'clerk-screen';
const FLOAT = 10_000;

/** A demo till (no card processor: only cash moves here) with the clerk logged in. */
async function open(): Promise<TempTill> {
  till = await openTempTill({ demo: true, demoProducts: 0, processor: null });
  await till.must(CLERK, 'auth.login', { username: 'clara', secret: '1234' });
  return till;
}

const openShift = async (t: TempTill) => (await t.must(CLERK, 'shifts.open', { counts: toCounts(FLOAT) })).shiftId;
const storedShift = async (t: TempTill, id: string) => {
  const doc = await t.db.shifts.findOne(id).exec();
  return { revision: doc!.revision, data: doc!.toMutableJSON() as ShiftDoc };
};
const closeCounting = (t: TempTill, shiftId: string, counted: number) => t.call(CLERK, 'shifts.close', { shiftId, counts: toCounts(counted) });

describe('the cash variance limit (5.00 by default)', () => {
  it('closes a count exactly 5.00 over or short without a manager; 5.01 over or short needs one and changes nothing', async () => {
    const t = await open();
    expect((await t.must(CLERK, 'shifts.current', {})).varianceLimit).toBe(500);
    const first = await openShift(t);
    const before = await storedShift(t, first);
    for (const [counted, words] of [
      [FLOAT + 501, /5\.01 over .*more than the 5\.00 the store allows/],
      [FLOAT - 501, /5\.01 short .*more than the 5\.00 the store allows/],
    ] as const) {
      const refused = await closeCounting(t, first, counted);
      expect(refused).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', message: expect.stringMatching(words) } });
    }
    expect(await storedShift(t, first)).toEqual(before);

    expect(await closeCounting(t, first, FLOAT + 500)).toMatchObject({ ok: true, value: { cash: { expected: FLOAT, counted: FLOAT + 500, variance: 500 }, varianceApprovedByName: '' } });
    const second = await openShift(t);
    expect(await closeCounting(t, second, FLOAT - 500)).toMatchObject({ ok: true, value: { cash: { variance: -500 }, varianceApprovedByName: '' } });
    const closed = await Promise.all([first, second].map(async (id) => (await storedShift(t, id)).data));
    expect(closed.map((s) => [s.status, s.variance, s.varianceApprovedBy])).toEqual([
      ['closed', 500, ''],
      ['closed', -500, ''],
    ]);
  });

  it('is the store\u2019s setting: at a limit of 0.00 only an exact count closes without a manager', async () => {
    const t = await open();
    await t.must('admin', 'auth.login', { username: 'admin', secret: 'kassa-admin1' });
    await t.must('admin', 'settings.update', { cashVarianceLimit: 0 });
    await t.must(CLERK, 'auth.login', { username: 'clara', secret: '1234' });
    const first = await openShift(t);
    expect(await closeCounting(t, first, FLOAT - 1)).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', message: expect.stringMatching(/0\.01 short/) } });
    expect(await closeCounting(t, first, FLOAT + 1)).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', message: expect.stringMatching(/0\.01 over/) } });
    expect(await closeCounting(t, first, FLOAT)).toMatchObject({ ok: true, value: { cash: { variance: 0 }, varianceApprovedByName: '' } });
  });
});

describe('a paid-out', () => {
  it('may take exactly what the drawer should hold, not a cent more', async () => {
    const t = await open();
    const shiftId = await openShift(t);
    const paidOut = (amount: number) => t.call(CLERK, 'shifts.cashMovement', { kind: 'paid_out', amount, reason: 'To the safe' });

    expect(await paidOut(FLOAT + 1)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'The drawer should hold only 100.00: a paid-out of 100.01 is more than that.' } });
    expect(await paidOut(FLOAT)).toMatchObject({ ok: true });
    expect(await paidOut(1)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'The drawer should hold only 0.00: a paid-out of 0.01 is more than that.' } });
    expect((await storedShift(t, shiftId)).data.movements.map((m) => [m.kind, m.amount])).toEqual([['paid_out', FLOAT]]);
    expect((await t.must(CLERK, 'shifts.xReport', {})).cash).toMatchObject({ paidOut: FLOAT, expected: 0 });
  });
});
