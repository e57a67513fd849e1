/** Test helper: a till core on a fresh SQLite data directory, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandInput, CommandName, CommandResult } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { PushTarget, TillCore, TillCoreOptions } from '../api/till-core-types';
import { openDatabase, type KassaDatabase } from '../db/open-database';
import { createTillCoreOn, type LocalTillCore } from '../till-core';

export interface TempTill {
  core: LocalTillCore;
  /** The store under the core, for assertions only: product code never gets it. */
  db: KassaDatabase;
  dataDir: string;
  pushes: PushTarget[];
  /**
   * Calls as a screen does; resolves once what follows the answer (a sale's payments, stock, audit) is written too,
   * as it is before the screen's next command.
   */
  call<K extends CommandName>(channel: string, name: K, input: CommandInput<K>): Promise<ApiResult<CommandResult<K>>>;
  /** Calls and fails the test unless the result is ok. */
  must<K extends CommandName>(channel: string, name: K, input: CommandInput<K>): Promise<CommandResult<K>>;
  reopen(options?: Partial<TillCoreOptions>): Promise<void>;
  /** Runs when the till is disposed (after its core has closed): e.g. a processor the test started for it. */
  onDispose(cleanup: () => Promise<void>): void;
  dispose(): Promise<void>;
}

export function makeTempDir(prefix = 'kassa-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openTempTill(options: Partial<TillCoreOptions> = {}): Promise<TempTill> {
  const dataDir = options.dataDir ?? makeTempDir();
  const base: TillCoreOptions = { dataDir, terminalId: 'T1', demo: false, ...options };
  const pushes: PushTarget[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const till = {
    core: null as unknown as LocalTillCore,
    db: null as unknown as KassaDatabase,
    dataDir,
    pushes,
    async call(channel: string, name: CommandName, input: unknown) {
      const result = await till.core.dispatch(channel, name, input);
      await till.core.settled();
      return result;
    },
    async must(channel: string, name: CommandName, input: unknown) {
      const result = await till.call(channel, name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async reopen(more: Partial<TillCoreOptions> = {}) {
      await till.core.close();
      await attach({ ...base, ...more });
    },
    onDispose(cleanup: () => Promise<void>) {
      cleanups.push(cleanup);
    },
    async dispose() {
      await till.core.close();
      for (const cleanup of cleanups) await cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  async function attach(opts: TillCoreOptions) {
    till.db = await openDatabase({ dataDir: opts.dataDir });
    till.core = await createTillCoreOn(till.db, opts);
    till.core.onPush((target) => pushes.push(target));
    // The till's first status document is written in the background: done before a test looks at the store.
    await till.core.terminals.flushed();
  }
  await attach(base);
  return till as unknown as TempTill;
}
