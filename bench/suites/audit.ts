/**
 * Audit suite: the managers' audit log viewer on a busy store's year of events (200,000 from 3 terminals), through
 * the core's dispatcher as the screen calls it; p95 of 20 calls each. Every call is a query the store has not
 * answered yet (its `to` moves by a millisecond), so RxDB's query cache does not answer it instead.
 *
 * - audit_first_page_p95_ms: the newest 25 events, no filter.
 * - audit_next_page_mean_ms: pages 2 to 50 one after another (following the `next` places), no filter: the mean.
 * - audit_rare_actor_p95_ms: the newest 25 of one person's 400 events.
 * - audit_no_match_ms: a filter nothing matches (the whole year is read: the worst case).
 * - audit_recent_50_p95_ms: `audit.recent` (the overview's activity panel), the newest 50, each after a login
 *   (which writes an event, so the answer is new).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open-database';
import type { LocalTillCore } from '../../electron/core/till-core';
import { createTillCoreOn } from '../../electron/core/till-core';
import type { AuditPage } from '../../shared/api/contract';
import type { AuditEventDoc } from '../../shared/model';
import type { BenchResult, BenchSize } from '../bench-types';
import { percentile } from '../support/product-db';

const SIZES = {
  full: { events: 200_000, calls: 20 },
  quick: { events: 3_000, calls: 5 },
} satisfies Record<BenchSize, unknown>;
/** The rare actor has this many events at every size (one in 500 of the full year). */
const RARE_EVENTS = 400;
const BATCH = 5_000;
const TERMINALS = ['B1', 'B2', 'B3'];
const START = Date.parse('2025-01-01T08:00:00.000Z');
const SPAN = 365 * 86_400_000;

function yearOfEvents(events: number): AuditEventDoc[] {
  const rareEvery = Math.floor(events / RARE_EVENTS);
  return Array.from({ length: events }, (_, i) => ({
    id: `${TERMINALS[i % 3]}-A${String(i).padStart(7, '0')}`,
    terminalId: TERMINALS[i % 3]!,
    at: new Date(START + Math.floor((i / events) * SPAN)).toISOString(),
    actorId: i % rareEvery === 0 ? 'RARE' : `U${i % 7}`,
    type: i % 10 === 0 ? 'cash.no_sale' : 'sale.completed',
    subjectId: '',
    details: { n: i },
  }));
}

async function search(core: LocalTillCore, input: Record<string, unknown>): Promise<{ ms: number; page: AuditPage }> {
  const started = performance.now();
  const result = await core.dispatch('bench', 'audit.search', { pageSize: 25, ...input });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(result.error.message);
  return { ms, page: result.value as AuditPage };
}

async function p95(calls: number, call: (i: number) => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < calls + 3; i++) {
    const ms = await call(i);
    if (i >= 3) times.push(ms);
  }
  return Math.round(percentile(times, 95) * 100) / 100;
}

export async function auditSuite(size: BenchSize): Promise<BenchResult[]> {
  const { calls } = SIZES[size];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-audit-'));
  try {
    const filling = await openDatabase({ dataDir });
    const events = yearOfEvents(SIZES[size].events);
    for (let from = 0; from < events.length; from += BATCH) {
      const { error } = await filling.audit_events.bulkInsert(events.slice(from, from + BATCH));
      if (error.length > 0) throw new Error(`audit insert failed: ${JSON.stringify(error[0]).slice(0, 300)}`);
    }
    const now = START + SPAN;
    const to = (i: number) => new Date(now + 60_000 - i).toISOString();
    const core = await createTillCoreOn(filling, { dataDir, terminalId: 'BENCH', demo: true, demoProducts: 20, now: () => now });
    try {
      const login = await core.dispatch('bench', 'auth.login', { username: 'maria', secret: '4321' });
      if (!login.ok) throw new Error(login.error.message);
      let before = (await search(core, {})).page.next!;
      let walked = 0;
      for (let page = 2; page <= 50; page++) {
        const next = await search(core, { before });
        walked += next.ms;
        before = next.page.next!;
      }
      const rare = await search(core, { actorId: 'RARE' });
      if (rare.page.entries.length !== 25) throw new Error(`the rare actor has ${RARE_EVENTS} events`);
      const none = await search(core, { actorId: 'NOBODY' });
      if (none.page.entries.length !== 0) throw new Error('nobody has no events');
      return [
        { name: 'audit_first_page_p95_ms', value: await p95(calls, async (i) => (await search(core, { to: to(i) })).ms), unit: 'ms' },
        { name: 'audit_next_page_mean_ms', value: Math.round((walked / 49) * 100) / 100, unit: 'ms' },
        { name: 'audit_rare_actor_p95_ms', value: await p95(calls, async (i) => (await search(core, { actorId: 'RARE', to: to(i) })).ms), unit: 'ms' },
        { name: 'audit_no_match_ms', value: Math.round(none.ms), unit: 'ms' },
        {
          name: 'audit_recent_50_p95_ms',
          value: await p95(calls, async () => {
            await core.dispatch('bench', 'auth.login', { username: 'maria', secret: '4321' });
            const started = performance.now();
            const result = await core.dispatch('bench', 'audit.recent', { limit: 50 });
            if (!result.ok) throw new Error(result.error.message);
            return performance.now() - started;
          }),
          unit: 'ms',
        },
      ];
    } finally {
      await core.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
