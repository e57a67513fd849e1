/** Resetting, choosing and unlocking secrets through the core's one door, on the real store. */
import { afterEach, describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../../shared/api/contract';
import { ALLOWED_BEFORE_SECRET_CHANGE } from '../api/dispatcher';
import { COFFEE, fingerprint, loginAs, openSellingTill, TILL } from '../selling/test-support/selling-till';
import type { TempTill } from '../test-support/temp-till';

const CLARA = 'DEMO-U1';
const MARIA = 'DEMO-U3';
const ADMIN = 'DEMO-U4';
let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

async function auditTypes(t: TempTill): Promise<string[]> {
  await loginAs(t, 'admin');
  return (await t.must(TILL, 'audit.recent', { limit: 100 })).map((e) => e.type);
}

describe('a reset secret', () => {
  it('must be replaced at the next login: the core refuses everything else until then', async () => {
    till = await openSellingTill();
    await loginAs(till, 'maria');
    const reset = await till.must(TILL, 'users.resetSecret', { userId: CLARA, secret: '7777' });
    expect(reset).toMatchObject({ username: 'clara', mustChangeSecret: true });
    expect(await till.call(TILL, 'auth.login', { username: 'clara', secret: '1234' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });

    const session = await till.must(TILL, 'auth.login', { username: 'clara', secret: '7777' });
    expect(session.mustChangeSecret).toBe(true);
    const before = await fingerprint(till, ['sales', 'users', 'local_state']);
    for (const name of Object.keys(commands) as CommandName[]) {
      if (commands[name].access === 'public' || commands[name].access !== 'clerk' || ALLOWED_BEFORE_SECRET_CHANGE.has(name)) continue;
      expect(await till.call(TILL, name, {} as never), name).toMatchObject({ ok: false, error: { code: 'SECRET_CHANGE_REQUIRED' } });
    }
    expect(await till.call(TILL, 'cart.scan', { code: COFFEE.barcode })).toMatchObject({ ok: false, error: { code: 'SECRET_CHANGE_REQUIRED' } });
    expect(await fingerprint(till, ['sales', 'users', 'local_state'])).toEqual(before);

    // The new one follows the same rules as at creation, and must differ from the temporary one.
    expect(await till.call(TILL, 'auth.changeSecret', { current: '7777', next: '12a4' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'next: A PIN is 4 to 8 digits' } });
    expect(await till.call(TILL, 'auth.changeSecret', { current: '7777', next: '7777' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await till.call(TILL, 'auth.changeSecret', { current: '0000', next: '2468' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    const changed = await till.must(TILL, 'auth.changeSecret', { current: '7777', next: '2468' });
    expect(changed).toMatchObject({ mustChangeSecret: false, user: { username: 'clara' } });
    expect((await till.must(TILL, 'cart.scan', { code: COFFEE.barcode })).lines).toHaveLength(1);

    await till.must(TILL, 'auth.logout', {});
    expect(await till.call(TILL, 'auth.login', { username: 'clara', secret: '7777' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect((await till.must(TILL, 'auth.login', { username: 'clara', secret: '2468' })).mustChangeSecret).toBe(false);
    const types = await auditTypes(till);
    expect(types).toEqual(expect.arrayContaining(['user.secret_reset', 'user.secret_changed', 'auth.change_secret_failed']));
  });

  it('is still required after a restart, and logout is allowed meanwhile', async () => {
    till = await openSellingTill();
    await loginAs(till, 'maria');
    await till.must(TILL, 'users.resetSecret', { userId: CLARA, secret: '7777' });
    await till.reopen();
    expect((await till.must(TILL, 'auth.login', { username: 'clara', secret: '7777' })).mustChangeSecret).toBe(true);
    expect(await till.must(TILL, 'auth.logout', {})).toEqual({ loggedOut: true });
    expect((await till.must(TILL, 'auth.login', { username: 'clara', secret: '7777' })).mustChangeSecret).toBe(true);
  });

  it('follows who may manage whom, checks the user kind of secret, and ends the user’s session', async () => {
    till = await openSellingTill();
    await loginAs(till, 'maria');
    expect(await till.call(TILL, 'users.resetSecret', { userId: ADMIN, secret: 'temporary1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await till.call(TILL, 'users.resetSecret', { userId: MARIA, secret: '7777' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await till.call(TILL, 'users.resetSecret', { userId: CLARA, secret: '77a7' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await loginAs(till, 'admin');
    expect(await till.call(TILL, 'users.resetSecret', { userId: ADMIN, secret: 'temporary1' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // An admin may reset a manager; the temporary secret is of the user's kind (Maria has a PIN).
    expect(await till.call(TILL, 'users.resetSecret', { userId: MARIA, secret: 'temporary1' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await till.call(TILL, 'users.resetSecret', { userId: MARIA, secret: '7777' })).toMatchObject({ ok: true });
    expect(await till.call(TILL, 'auth.login', { username: 'maria', secret: '4321' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    const maria = await till.must(TILL, 'auth.login', { username: 'maria', secret: '7777' });
    expect(maria.mustChangeSecret).toBe(true);
    // Maria's session is reset by another admin's reset of her: she is logged out.
    await till.must('other', 'auth.login', { username: 'admin', secret: 'kassa-admin1' });
    expect(await till.call(TILL, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    const users = await till.must('other', 'users.list', {});
    expect(users.find((u) => u.id === MARIA)).toMatchObject({ mustChangeSecret: true });
  });
});

describe('a change that arrives by sync', () => {
  it('ends the session of a user reset or deactivated on another till', async () => {
    till = await openSellingTill();
    till.pushes.length = 0;
    // As the sync pull writes it: the user document as another till left it.
    const clara = await till.db.users.findOne(CLARA).exec();
    await clara!.incrementalPatch({ mustChangeSecret: true, updatedAt: new Date().toISOString() });
    await expect.poll(() => till!.pushes.some((p) => p.channelId === TILL && p.message.event === 'session.changed')).toBe(true);
    expect(await till.call(TILL, 'cart.get', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });

    await loginAs(till, 'maria');
    const maria = await till.db.users.findOne(MARIA).exec();
    await maria!.incrementalPatch({ active: false });
    await expect.poll(async () => (await till!.call(TILL, 'cart.get', {})).ok).toBe(false);
  });
});

describe('unlocking', () => {
  it('clears a lockout on this till, audited, and the users list shows who is locked here', async () => {
    till = await openSellingTill();
    for (let i = 0; i < 5; i++) await till.call(TILL, 'auth.login', { username: 'clara', secret: '0000' });
    expect(await till.call(TILL, 'auth.login', { username: 'clara', secret: '1234' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await loginAs(till, 'maria');
    const locked = (await till.must(TILL, 'users.list', {})).find((u) => u.id === CLARA)!;
    expect(locked.lockedUntil).not.toBeNull();
    expect((await till.must(TILL, 'users.list', {})).filter((u) => u.lockedUntil !== null)).toHaveLength(1);
    expect(await till.call(TILL, 'users.unlock', { userId: ADMIN })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await till.must(TILL, 'users.unlock', { userId: CLARA })).toMatchObject({ lockedUntil: null });
    expect((await till.must(TILL, 'users.list', {})).find((u) => u.id === CLARA)!.lockedUntil).toBeNull();
    await till.must(TILL, 'auth.login', { username: 'clara', secret: '1234' });
    const types = await auditTypes(till);
    expect(types.filter((t) => t === 'user.unlocked')).toHaveLength(1);
  });

  it('comes with a reset: a locked user whose PIN is reset may log in at once', async () => {
    till = await openSellingTill();
    for (let i = 0; i < 5; i++) await till.call(TILL, 'auth.login', { username: 'clara', secret: '0000' });
    await loginAs(till, 'maria');
    await till.must(TILL, 'users.resetSecret', { userId: CLARA, secret: '7777' });
    expect((await till.must(TILL, 'auth.login', { username: 'clara', secret: '7777' })).mustChangeSecret).toBe(true);
  });
});

describe('a deactivated user', () => {
  it('can neither log in nor approve', async () => {
    till = await openSellingTill();
    await loginAs(till, 'admin');
    await till.must(TILL, 'users.setActive', { userId: MARIA, active: false });
    expect(await till.call(TILL, 'auth.login', { username: 'maria', secret: '4321' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    await till.must(TILL, 'auth.login', { username: 'clara', secret: '1234' });
    const cart = await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    const approval = { username: 'maria', secret: '4321' };
    const refused = await till.call(TILL, 'cart.setLineDiscount', { lineId: cart.lines[0]!.lineId, discount: { kind: 'percent', bp: 2500 }, approval });
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect((await till.must(TILL, 'cart.get', {})).lines[0]!.discount).toBeNull();
  });
});
