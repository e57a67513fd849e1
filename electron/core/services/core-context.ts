/** What every service gets: the store, this terminal's identity, a clock and an id maker, and a way to push. */
import type { IdFactory } from '../../../shared/ids';
import type { KassaDatabase } from '../db/open-database';
import type { PushTarget } from '../api/till-core-types';
import type { Logger } from '../log';

export interface CoreContext {
  db: KassaDatabase;
  terminalId: string;
  now: () => number;
  newId: IdFactory;
  push: (target: PushTarget) => void;
  log: Logger;
}

export function isoNow(ctx: Pick<CoreContext, 'now'>): string {
  return new Date(ctx.now()).toISOString();
}
