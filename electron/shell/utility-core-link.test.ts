/**
 * The till core as Electron main runs it: a utility process reached through its parentPort. Electron itself cannot
 * run here, so a stand-in starts a Node child with an Electron-shaped parentPort (test-support/); the core in it is
 * real: real SQLite, real commands, and a restart after SIGKILL.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../core/log';
import { startSupervisedCore, type SupervisedCore } from '../core/process/core-supervisor';
import { createMemoryCredentialStore } from '../core/sync/credential-store';
import { makeTempDir } from '../core/test-support/temp-till';
import { forkUtilityStandIn } from './test-support/utility-process-stand-in';
import { utilityCoreLink } from './utility-core-link';

const ENTRY = fileURLToPath(new URL('../core/process/core-child.ts', import.meta.url));
let dir = '';
let core: SupervisedCore | null = null;

afterEach(async () => {
  await core?.close();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('the core in a utility process', () => {
  it('answers through the parentPort, syncs with the account main keeps, and is started again after SIGKILL', { timeout: 120_000 }, async () => {
    dir = makeTempDir();
    // Port 9 (discard) on loopback: nothing answers, so the till stays offline with the account main gave it.
    const hostCredentials = createMemoryCredentialStore({ url: 'http://127.0.0.1:9/', username: 'kassa_T1', password: 'kept-in-main' });
    core = await startSupervisedCore({
      spawn: () => utilityCoreLink(forkUtilityStandIn, ENTRY),
      options: { dataDir: dir, terminalId: 'T1', demo: true, demoProducts: 20, sync: { url: null, credentials: { kind: 'relayed', current: null, location: 'keychain' } } },
      hostCredentials,
      log: createLogger('test-main'),
    });
    const login = await core.dispatch('wc:1', 'auth.login', { username: 'maria', secret: '4321' });
    expect(login).toMatchObject({ ok: true, value: { user: { username: 'maria', role: 'manager' } } });
    const status = await core.dispatch('wc:1', 'sync.status', {});
    expect(status).toMatchObject({ ok: true, value: { server: 'http://127.0.0.1:9/', account: 'kassa_T1' } });
    expect(JSON.stringify(status)).not.toContain('kept-in-main');

    const pid = core.pid!;
    process.kill(pid, 'SIGKILL');
    await vi.waitFor(() => expect(core!.coreState).toMatchObject({ state: 'ready', restarts: 1 }), { timeout: 60_000, interval: 50 });
    expect(core.pid).not.toBe(pid);
    expect(await core.dispatch('wc:1', 'auth.status', {})).toMatchObject({ ok: true, value: { session: null, terminalId: 'T1' } });
  });
});
