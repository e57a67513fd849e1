/** What every service gets: the store, this terminal's identity, a clock and an id maker, the audit log, the write queue, and a way to push. */
import type { IdFactory } from '../../../shared/ids';
import type { KassaDatabase } from '../../../shared/db/collections';
import type { PushTarget } from '../api/till-core-types';
import type { Logger } from '../log';
import type { AuditLog } from './audit-log';
import type { WriteQueue } from './write-queue';

export interface CoreContext {
  db: KassaDatabase;
  terminalId: string;
  now: () => number;
  newId: IdFactory;
  push: (target: PushTarget) => void;
  log: Logger;
  /** The one writer of the audit trail. */
  audit: AuditLog;
  /** The till's one write queue: writing commands run in it (the dispatcher puts them there), and so does background work that writes money. */
  writes: WriteQueue;
}

export function isoNow(ctx: Pick<CoreContext, 'now'>): string {
  return new Date(ctx.now()).toISOString();
}
