/**
 * Searching the audit trail of every terminal (events sync), newest first, a page at a time. Pages are keyed by
 * the last event shown (time and id), so events arriving by sync never shift a page. The store can only read an
 * index upwards, and a newest-first query would read (and sort) every event of its range: so the search walks
 * back in time windows that grow ×4 from an hour, reading only as far back as one page needs.
 */
import type { AuditLogEntry, AuditPage, AuditSearch } from '../../../shared/api/contract';
import type { KassaDatabase } from '../../../shared/db/collections';
import type { AuditEventDoc, UserDoc } from '../../../shared/model';

const FIRST_WINDOW_MS = 60 * 60_000;
const GROWTH = 4;

interface Cursor {
  at: string;
  id: string;
}

const iso = (value: string | number) => new Date(value).toISOString();

function parseCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const [at = '', id = ''] = text.split('|');
  return { at: iso(at), id };
}

export async function searchAudit(db: KassaDatabase, input: AuditSearch, now: number): Promise<AuditPage> {
  const floor = input.from ? iso(input.from) : await oldestAt(db);
  if (floor === null) return { entries: [], next: null };
  const cursor = parseCursor(input.before);
  const filters = {
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.type ? { type: input.type } : {}),
    ...(input.terminalId ? { terminalId: input.terminalId } : {}),
  };
  const bounds = [input.to ? Date.parse(input.to) : Infinity, cursor ? Date.parse(cursor.at) : Infinity];
  const upperMs = Math.min(...bounds);
  // No upper bound: the first window is open-ended, so events stamped by a till whose clock runs ahead are found.
  let upper: { at: string; inclusive: boolean } | null = upperMs === Infinity ? null : { at: iso(upperMs), inclusive: true };
  let anchor = upperMs === Infinity ? now : upperMs;
  let width = FIRST_WINDOW_MS;
  const found: AuditEventDoc[] = [];
  for (;;) {
    const windowStart = iso(Math.max(anchor - width, Date.parse(floor)));
    const at = { $gte: windowStart, ...(upper ? { [upper.inclusive ? '$lte' : '$lt']: upper.at } : {}) };
    const docs = await db.audit_events.find({ selector: { ...filters, at }, sort: [{ at: 'desc' }, { id: 'desc' }] }).exec();
    for (const doc of docs) {
      if (cursor && doc.at === cursor.at && doc.id >= cursor.id) continue;
      found.push(doc.toJSON() as AuditEventDoc);
    }
    if (found.length > input.pageSize || windowStart <= floor) break;
    upper = { at: windowStart, inclusive: false };
    anchor -= width;
    width *= GROWTH;
  }
  const page = found.slice(0, input.pageSize);
  const last = page[page.length - 1];
  return { entries: await withNames(db, page), next: found.length > input.pageSize && last ? `${last.at}|${last.id}` : null };
}

/** The oldest event's time (the index read upwards: one row), or null when there are none. */
async function oldestAt(db: KassaDatabase): Promise<string | null> {
  const oldest = await db.audit_events.findOne({ selector: {}, sort: [{ at: 'asc' }] }).exec();
  return oldest?.at ?? null;
}

async function withNames(db: KassaDatabase, events: AuditEventDoc[]): Promise<AuditLogEntry[]> {
  // A store has a handful of users: all of them beat a query per event.
  const users = await db.users.find().exec();
  const names = new Map(users.map((u) => [u.id, (u.toJSON() as UserDoc).displayName]));
  const name = (id: string) => (id === '' ? '' : (names.get(id) ?? id));
  return events.map(({ id, at, terminalId, actorId, type, subjectId, details }) => ({
    id,
    at,
    terminalId,
    actorId,
    actorName: name(actorId),
    type,
    subjectId,
    subjectName: name(subjectId),
    details: { ...details },
  }));
}
