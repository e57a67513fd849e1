/** Searching every terminal's audit trail on the real store: filters, names, pages newest first and stable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogEntry } from '../../../shared/api/contract';
import { createIdFactory } from '../../../shared/ids';
import { openTempTill, type TempTill } from '../test-support/temp-till';
import { AuditLog } from './audit-log';

const CHANNEL = 'test:audit';
const START = Date.parse('2026-03-01T08:00:00.000Z');
const HOUR = 3_600_000;
let till: TempTill;
let now = START + 200 * 24 * HOUR;

/** Events another till wrote (as they arrive by sync): one every 7 hours over ~180 days, actors and types alternating. */
async function seedOtherTill(t: TempTill, count: number): Promise<void> {
  let at = START;
  const log = new AuditLog({ db: t.db, terminalId: 'T2', now: () => at, newId: createIdFactory('T2', { now: () => at }) });
  for (let i = 0; i < count; i++) {
    at = START + i * 7 * HOUR;
    await log.record({ actorId: i % 2 === 0 ? 'DEMO-U1' : 'DEMO-U2', type: i % 3 === 0 ? 'cash.no_sale' : 'shift.opened', subjectId: 'DEMO-U3', details: { n: i } });
  }
}

async function allPages(input: { pageSize: number; actorId?: string; type?: string; terminalId?: string; from?: string; to?: string }): Promise<AuditLogEntry[]> {
  const out: AuditLogEntry[] = [];
  let before: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await till.must(CHANNEL, 'audit.search', { ...input, ...(before ? { before } : {}) });
    expect(page.entries.length).toBeLessThanOrEqual(input.pageSize);
    out.push(...page.entries);
    if (!page.next) return out;
    before = page.next;
  }
  throw new Error('paging did not end');
}

beforeAll(async () => {
  till = await openTempTill({ demo: true, demoProducts: 0, now: () => now });
  await seedOtherTill(till, 600);
  await till.must(CHANNEL, 'auth.login', { username: 'maria', secret: '4321' });
});
afterAll(async () => {
  await till.dispose();
});

describe('audit search', () => {
  it('pages through every event of every terminal, newest first, each once', async () => {
    const all = await allPages({ pageSize: 37 });
    const count = await till.db.audit_events.count().exec();
    expect(all).toHaveLength(count);
    expect(new Set(all.map((e) => e.id)).size).toBe(count);
    const order = all.map((e) => `${e.at}|${e.id}`);
    expect(order).toEqual([...order].sort().reverse());
    expect(new Set(all.map((e) => e.terminalId))).toEqual(new Set(['T1', 'T2']));
  });

  it('filters by actor, type, terminal and time, and names the people', async () => {
    const from = new Date(START + 30 * 24 * HOUR).toISOString();
    const to = new Date(START + 60 * 24 * HOUR).toISOString();
    const found = await allPages({ pageSize: 10, actorId: 'DEMO-U1', type: 'cash.no_sale', terminalId: 'T2', from, to });
    // Events i with i % 6 === 0 inside the 30 days: i*7h in [720h, 1440h] → i in 103..205, multiples of 6.
    const expected = Array.from({ length: 206 }, (_, i) => i).filter((i) => i >= 103 && i % 6 === 0);
    expect(found.map((e) => e.details.n)).toEqual(expected.reverse());
    expect(found[0]).toMatchObject({ actorName: 'Clara Clerk', subjectName: 'Maria Manager', terminalId: 'T2', type: 'cash.no_sale' });
    expect(found.every((e) => e.at >= from && e.at <= to)).toBe(true);
    expect(await allPages({ pageSize: 10, terminalId: 'T9' })).toEqual([]);
  });

  it('keeps a page boundary stable when newer events arrive meanwhile, and caps the page size', async () => {
    const first = await till.must(CHANNEL, 'audit.search', { pageSize: 5 });
    now += 1000;
    await till.must(CHANNEL, 'auth.login', { username: 'maria', secret: '4321' });
    const second = await till.must(CHANNEL, 'audit.search', { pageSize: 5, before: first.next! });
    expect(second.entries[0]!.at <= first.entries[4]!.at).toBe(true);
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[4]!.id);
    expect(await till.call(CHANNEL, 'audit.search', { pageSize: 101 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
