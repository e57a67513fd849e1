/** The till core through its one door, on a real SQLite store: first run, login, lockout, roles, sessions. */
import { afterEach, describe, expect, it } from 'vitest';
import { LOCKOUT_MS } from '../../shared/auth/lockout-policy';
import { openTempTill, type TempTill } from './test-support/temp-till';

const A = 'test:a';
const B = 'test:b';
let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

async function setUpAdmin(t: TempTill) {
  return t.must(A, 'auth.setupFirstAdmin', { username: 'boss', displayName: 'The Boss', credentialKind: 'password', secret: 'long-enough' });
}

describe('first run', () => {
  it('asks for the first admin, logs them in, and refuses a second set-up', async () => {
    till = await openTempTill();
    expect(await till.must(A, 'auth.status', {})).toMatchObject({ needsSetup: true, users: [], session: null, terminalId: 'T1' });
    const session = await setUpAdmin(till);
    expect(session.user).toMatchObject({ username: 'boss', role: 'admin' });
    expect((await till.must(A, 'auth.status', {})).session?.user.username).toBe('boss');
    expect((await till.must(B, 'auth.status', {})).session).toBeNull();
    const again = await till.call(B, 'auth.setupFirstAdmin', { username: 'eve', displayName: 'Eve', credentialKind: 'pin', secret: '1111' });
    expect(again).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
    expect((await till.must(A, 'users.list', {})).map((u) => u.username)).toEqual(['boss']);
  });

  it('checks PIN and password rules before anything is written', async () => {
    till = await openTempTill();
    const shortPassword = await till.call(A, 'auth.setupFirstAdmin', { username: 'boss', displayName: 'B', credentialKind: 'password', secret: '1234567' });
    expect(shortPassword).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'secret: A password is 8 to 128 characters' } });
    const letterPin = await till.call(A, 'auth.setupFirstAdmin', { username: 'boss', displayName: 'B', credentialKind: 'pin', secret: '12a4' });
    expect(letterPin).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await till.must(A, 'auth.status', {})).needsSetup).toBe(true);
  });
});

describe('login and lockout', () => {
  it('logs in with the right PIN, refuses a wrong one, and never returns a hash', async () => {
    till = await openTempTill({ demo: true, demoProducts: 20 });
    const wrong = await till.call(A, 'auth.login', { username: 'clara', secret: '9999' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    const unknown = await till.call(A, 'auth.login', { username: 'nobody', secret: '1234' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    const session = await till.must(A, 'auth.login', { username: 'Clara ', secret: '1234' });
    expect(session.user).toMatchObject({ username: 'clara', role: 'clerk' });
    const everything = JSON.stringify([await till.must(A, 'auth.status', {}), session]);
    expect(everything).not.toMatch(/scrypt|secretHash|1234/);
  });

  it('locks a user for five minutes after five wrong PINs, audited, and keeps the lock across a restart', async () => {
    let now = Date.parse('2026-11-28T10:00:00Z');
    till = await openTempTill({ demo: true, demoProducts: 0, now: () => now });
    for (let i = 1; i <= 4; i++) {
      expect(await till.call(A, 'auth.login', { username: 'carl', secret: '0000' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    }
    const fifth = await till.call(A, 'auth.login', { username: 'carl', secret: '0000' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/locked for 5 more minutes/) } });
    expect(await till.call(A, 'auth.login', { username: 'carl', secret: '2345' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    await till.reopen({ now: () => now });
    expect(await till.call(A, 'auth.login', { username: 'carl', secret: '2345' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // Others are not affected by carl's lock.
    await till.must(B, 'auth.login', { username: 'maria', secret: '4321' });
    const audit = await till.must(B, 'audit.recent', { limit: 100 });
    const types = audit.map((e) => e.type);
    expect(types.filter((t) => t === 'auth.login_failed')).toHaveLength(5);
    expect(types).toContain('auth.locked');
    expect(types.filter((t) => t === 'auth.login_refused_locked')).toHaveLength(2);

    now += LOCKOUT_MS;
    const later = await till.must(A, 'auth.login', { username: 'carl', secret: '2345' });
    expect(later.user.username).toBe('carl');
  });
});

describe('sessions and roles', () => {
  it('keeps one session per terminal: a login elsewhere ends the first and tells its screen', async () => {
    till = await openTempTill({ demo: true, demoProducts: 0 });
    await till.must(A, 'auth.login', { username: 'clara', secret: '1234' });
    till.pushes.length = 0;
    await till.must(B, 'auth.login', { username: 'maria', secret: '4321' });
    expect(till.pushes).toContainEqual({ channelId: A, message: { event: 'session.changed', payload: null } });
    expect(await till.call(A, 'catalog.summary', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    expect(await till.call(B, 'catalog.summary', {})).toMatchObject({ ok: true });
    await till.must(B, 'auth.logout', {});
    expect(await till.call(B, 'catalog.summary', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('refuses manager commands to a clerk and lets a manager add only clerks', async () => {
    till = await openTempTill({ demo: true, demoProducts: 0 });
    await till.must(A, 'auth.login', { username: 'clara', secret: '1234' });
    expect(await till.call(A, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await till.must(A, 'auth.login', { username: 'maria', secret: '4321' });
    const clerk = await till.must(A, 'users.create', { username: 'nina', displayName: 'Nina', role: 'clerk', credentialKind: 'pin', secret: '5555' });
    expect(clerk).toMatchObject({ username: 'nina', role: 'clerk', active: true });
    expect(await till.call(A, 'users.create', { username: 'mo', displayName: 'Mo', role: 'manager', credentialKind: 'pin', secret: '5555' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await till.call(A, 'users.create', { username: 'nina', displayName: 'Nina 2', role: 'clerk', credentialKind: 'pin', secret: '5556' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await till.must(A, 'auth.login', { username: 'admin', secret: 'kassa-admin1' });
    expect(await till.must(A, 'users.create', { username: 'mo', displayName: 'Mo', role: 'manager', credentialKind: 'pin', secret: '5555' })).toMatchObject({ role: 'manager' });
  });

  it('ends the session of a user who is deactivated and keeps the last admin', async () => {
    till = await openTempTill({ demo: true, demoProducts: 0 });
    const users = await (async () => {
      await till!.must(A, 'auth.login', { username: 'admin', secret: 'kassa-admin1' });
      return till!.must(A, 'users.list', {});
    })();
    const admin = users.find((u) => u.username === 'admin')!;
    const clara = users.find((u) => u.username === 'clara')!;
    expect(await till.call(A, 'users.setActive', { userId: admin.id, active: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await till.must(A, 'users.setActive', { userId: clara.id, active: false });
    expect(await till.call(B, 'auth.login', { username: 'clara', secret: '1234' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect((await till.must(B, 'auth.status', {})).users.map((u) => u.username)).not.toContain('clara');
  });

  it('lets an admin deactivate another admin only while one active admin remains', async () => {
    till = await openTempTill({ demo: true, demoProducts: 0 });
    await till.must(A, 'auth.login', { username: 'admin', secret: 'kassa-admin1' });
    const second = await till.must(A, 'users.create', { username: 'root2', displayName: 'Second Admin', role: 'admin', credentialKind: 'pin', secret: '8888' });
    const first = (await till.must(A, 'users.list', {})).find((u) => u.username === 'admin')!;
    await till.must(B, 'auth.login', { username: 'root2', secret: '8888' });
    expect(await till.must(B, 'users.setActive', { userId: first.id, active: false })).toMatchObject({ active: false });
    await till.must(A, 'auth.login', { username: 'maria', secret: '4321' });
    expect(await till.call(A, 'users.setActive', { userId: second.id, active: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const types = (await till.must(A, 'audit.recent', { limit: 20 })).map((e) => e.type);
    expect(types).toContain('user.deactivated');
  });
});

describe('durability of what the till reported as done', () => {
  it('keeps users and audit events after the store is closed and reopened', async () => {
    till = await openTempTill();
    await setUpAdmin(till);
    await till.must(A, 'users.create', { username: 'kim', displayName: 'Kim', role: 'clerk', credentialKind: 'pin', secret: '4444' });
    await till.reopen();
    const session = await till.must(A, 'auth.login', { username: 'kim', secret: '4444' });
    expect(session.user.displayName).toBe('Kim');
  });
});
