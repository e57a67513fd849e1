/**
 * A till process is SIGKILLed in the middle of a stream of paid-ins, several times. Every movement it reported is
 * in the shift document at once; reopened, each one has its audit event, and the shift is still the open one.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShiftDoc } from '../../../shared/model';
import { openDatabase } from '../db/open-database';
import { runKilledAfterReports } from '../test-support/kill-after-reports';
import { openTempTill, type TempTill } from '../test-support/temp-till';

const STREAM = fileURLToPath(new URL('./test-support/cash-stream.ts', import.meta.url));

let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

describe('SIGKILL during a stream of cash movements', () => {
  it('keeps every reported paid-in, and its audit event once the till reopens', async () => {
    till = await openTempTill({ demo: true, demoProducts: 10 });
    const dataDir = till.dataDir;
    await till.core.close();
    const reported: string[] = [];
    for (const killAfter of [5, 1, 11]) {
      const run = await runKilledAfterReports(STREAM, [dataDir, '10000'], /^moved (\S+)$/, killAfter);
      expect(run.signal, `the stream should be killed: ${run.stderr}`).toBe('SIGKILL');
      reported.push(...run.reported);
      const db = await openDatabase({ dataDir });
      const shifts = (await db.shifts.find().exec()).map((d) => d.toMutableJSON() as ShiftDoc);
      await db.close();
      expect(shifts.filter((s) => s.status === 'open')).toHaveLength(1);
      const stored = shifts[0]!.movements.map((m) => m.id);
      for (const id of run.reported) expect(stored).toContain(id);
    }
    await till.reopen();
    const shift = (await till.db.shifts.find().exec())[0]!.toMutableJSON() as ShiftDoc;
    const ids = shift.movements.map((m) => m.id);
    expect(ids).toEqual(shift.movements.map((_, i) => `${shift.id}-M${i + 1}`));
    for (const id of reported) expect(ids).toContain(id);
    const audited = await till.db.audit_events.findByIds([...ids, `${shift.id}-O`]).exec();
    expect(audited.size).toBe(ids.length + 1);
    expect([...audited.values()].filter((e) => e.type === 'cash.paid_in')).toHaveLength(ids.length);
  }, 120_000);
});
