/**
 * The till core in a real process of its own, on a real SQLite store, as the browser host runs it: killed with
 * SIGKILL it comes back by itself with every completed sale and the cart, screens are told and logged out; the
 * store has one owner (a second core on it is refused; a core whose host went away closes and lets go of it).
 */
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreState } from '../../../shared/api/core-state';
import type { PushTarget } from '../api/till-core-types';
import { openDatabase } from '../db/open-database';
import { createLogger } from '../log';
import { makeTempDir } from '../test-support/temp-till';
import { forkNodeCore } from './core-link';
import type { CoreMessage, CoreStartOptions } from './core-protocol';
import { startSupervisedCore, type SupervisedCore } from './core-supervisor';

const CHANNEL = 'http:screen';
let dir = '';
const cores: SupervisedCore[] = [];

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const options = (dataDir: string): CoreStartOptions => ({
  dataDir,
  terminalId: 'T1',
  demo: true,
  demoProducts: 40,
  sync: { url: null, credentials: { kind: 'file' } },
});

async function startCore(dataDir: string): Promise<SupervisedCore> {
  const core = await startSupervisedCore({ spawn: () => forkNodeCore(), options: options(dataDir), log: createLogger('test-host') });
  cores.push(core);
  return core;
}

async function must(core: SupervisedCore, name: string, input: unknown = {}): Promise<Record<string, unknown>> {
  const result = await core.dispatch(CHANNEL, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

describe('the till core in its own process', () => {
  it('comes back after SIGKILL with its sales and cart; screens hear it restart and must log in again', { timeout: 120_000 }, async () => {
    dir = makeTempDir();
    const core = await startCore(dir);
    const pushes: PushTarget[] = [];
    core.onPush((target) => pushes.push(target));
    await must(core, 'auth.login', { username: 'clara', secret: '1234' });
    const items = (await must(core, 'catalog.search', { query: '', limit: 5 })).items as { barcode: string }[];
    const barcodes = items.map((p) => p.barcode).filter(Boolean);
    let cart = await must(core, 'cart.scan', { code: barcodes[0] });
    const paid = await must(core, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: (cart.total as number) + 500 }] });
    const receiptNumber = (paid.receipt as { number: string }).number;
    cart = await must(core, 'cart.scan', { code: barcodes[1] });

    const firstPid = core.pid!;
    process.kill(firstPid, 'SIGKILL');
    await vi.waitFor(() => expect(core.coreState.state).toBe('restarting'), { timeout: 10_000 });
    await vi.waitFor(() => expect(core.coreState.state).toBe('ready'), { timeout: 60_000, interval: 50 });
    expect(core.pid).not.toBe(firstPid);

    const states = pushes.filter((p) => p.message.event === 'core.state').map((p) => (p.message.payload as CoreState).state);
    expect(states).toEqual(['restarting', 'ready']);
    expect(pushes.some((p) => p.message.event === 'session.changed' && p.message.payload === null)).toBe(true);
    expect(await core.dispatch(CHANNEL, 'cart.get', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });

    await must(core, 'auth.login', { username: 'clara', secret: '1234' });
    const after = await must(core, 'cart.get');
    expect(after.lines).toEqual(cart.lines);
    const recent = (await must(core, 'sales.recent', { limit: 10 })) as unknown as { number: string }[];
    expect(recent.map((s) => s.number)).toEqual([receiptNumber]);
  });

  it('refuses a second core on the same store, naming the reason', { timeout: 60_000 }, async () => {
    dir = makeTempDir();
    await startCore(dir);
    await expect(startCore(dir)).rejects.toThrow(/lock|in use|busy/i);
  });

  it('closes its store and ends when its host goes away, so the next core can open it', { timeout: 60_000 }, async () => {
    dir = makeTempDir();
    const entry = fileURLToPath(new URL('./core-child.ts', import.meta.url));
    const child = fork(entry, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = new Promise<CoreMessage>((resolve) => child.on('message', (m) => resolve(m as CoreMessage)));
    child.send({ type: 'start', options: options(dir) });
    expect(await ready).toMatchObject({ type: 'ready', terminalId: 'T1' });
    child.disconnect();
    expect(await exited).toBe(0);
    const db = await openDatabase({ dataDir: dir });
    expect(await db.users.count().exec()).toBe(4);
    await db.close();
  });
});
