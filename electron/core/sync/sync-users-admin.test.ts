/**
 * Users across two tills synced through the real sync server: a reset on one till reaches the other (the user's
 * session there ends, and the next login there must choose a new PIN), a lockout stays on the till where it
 * happened, and the audit log on one till shows what was done on the other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditPage, SessionInfo, UserListEntry } from '../../../shared/api/contract';
import { openSyncTill, startSyncBackend, waitFor, waitForSynced } from './test-support/sync-harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ADMIN = { username: 'boss', secret: 'long-enough' };

describe('users on two tills', () => {
  it('a reset reaches the other till, a lockout does not, and each till’s audit log shows both', { timeout: 180_000 }, async () => {
    const backend = await startSyncBackend([{ terminalId: 'T1', manager: true }, { terminalId: 'T2', manager: true }]);
    cleanups.push(() => backend.close());
    const t1 = await openSyncTill(backend, { terminalId: 'T1' });
    cleanups.push(() => t1.dispose());
    const t2 = await openSyncTill(backend, { terminalId: 'T2' });
    cleanups.push(() => t2.dispose());
    await t1.must('auth.setupFirstAdmin', { username: 'boss', displayName: 'The Boss', credentialKind: 'password', secret: ADMIN.secret });
    const nina = await t1.must<UserListEntry>('users.create', { username: 'nina', displayName: 'Nina', role: 'clerk', credentialKind: 'pin', secret: '5555' });
    await waitForSynced(t1);
    await waitFor('nina on T2', async () => (await t2.get('users', nina.id)) !== null);

    // Nina sells on T2 while the admin resets her PIN on T1: her session on T2 ends when the reset arrives.
    await t2.must('auth.login', { username: 'nina', secret: '5555' });
    await t1.must('users.resetSecret', { userId: nina.id, secret: '7777' });
    await waitForSynced(t1);
    await waitFor('nina logged out on T2', async () => {
      const result = await t2.call('cart.get', {});
      return !result.ok && result.error.code === 'NOT_LOGGED_IN';
    });
    const session = await t2.must<SessionInfo>('auth.login', { username: 'nina', secret: '7777' });
    expect(session.mustChangeSecret).toBe(true);
    expect(await t2.call('cart.get', {})).toMatchObject({ ok: false, error: { code: 'SECRET_CHANGE_REQUIRED' } });
    await t2.must('auth.changeSecret', { current: '7777', next: '2468' });
    await t2.must('auth.logout', {});

    // Five wrong PINs on T2 lock her there only.
    for (let i = 0; i < 5; i++) await t2.call('auth.login', { username: 'nina', secret: '0000' });
    expect(await t2.call('auth.login', { username: 'nina', secret: '2468' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await waitForSynced(t2);
    await t1.must('auth.login', ADMIN);
    const onT1 = await waitFor('nina’s new PIN on T1', async () => {
      const users = await t1.must<UserListEntry[]>('users.list', {});
      const entry = users.find((u) => u.id === nina.id);
      return entry && !entry.mustChangeSecret ? entry : null;
    });
    expect(onT1.lockedUntil).toBeNull();

    // T1's audit log shows what happened on T2, by name.
    const fromT2 = await waitFor('T2’s events on T1', async () => {
      const page = await t1.must<AuditPage>('audit.search', { terminalId: 'T2', actorId: nina.id, type: 'user.secret_changed', pageSize: 10 });
      return page.entries.length > 0 ? page : null;
    });
    expect(fromT2.entries[0]).toMatchObject({ actorName: 'Nina', terminalId: 'T2', details: { afterReset: true } });
    const locked = await waitFor('the lock audited on T2, seen on T1', async () => {
      const page = await t1.must<AuditPage>('audit.search', { terminalId: 'T2', type: 'auth.locked', pageSize: 10 });
      return page.entries.length > 0 ? page : null;
    });
    expect(locked.entries[0]).toMatchObject({ subjectName: 'Nina' });
    // The other till still lets her in.
    expect((await t1.must<SessionInfo>('auth.login', { username: 'nina', secret: '2468' })).user.username).toBe('nina');
  });
});
