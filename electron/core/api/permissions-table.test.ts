/**
 * The permissions table managers read is the dispatcher's own rule: for every command and every role, a call as
 * that role is refused with FORBIDDEN exactly when the table says the role may not. Inputs are invalid on
 * purpose (the role is checked before the input), so nothing runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../shared/api/contract';
import type { PermissionRow } from '../../../shared/api/contract';
import { ROLES, type Role } from '../../../shared/roles';
import { openTempTill, type TempTill } from '../test-support/temp-till';

const LOGINS: Record<Role, { username: string; secret: string }> = {
  clerk: { username: 'clara', secret: '1234' },
  manager: { username: 'maria', secret: '4321' },
  admin: { username: 'admin', secret: 'kassa-admin1' },
};
const CHANNEL = 'test:permissions';
let till: TempTill;
let table: PermissionRow[];

beforeAll(async () => {
  till = await openTempTill({ demo: true, demoProducts: 0 });
  await till.must(CHANNEL, 'auth.login', LOGINS.admin);
  table = await till.must(CHANNEL, 'permissions.table', {});
});
afterAll(async () => {
  await till.dispose();
});

describe('the permissions table', () => {
  it('has one row per command the dispatcher knows', () => {
    expect(table.map((r) => r.command).sort()).toEqual(Object.keys(commands).sort());
    expect(table.find((r) => r.command === 'users.resetSecret')).toMatchObject({ area: 'users', minimum: 'manager', allowed: { clerk: false, manager: true, admin: true } });
  });

  for (const role of ROLES) {
    it(`says exactly what the dispatcher lets the role ${role} do`, async () => {
      await till.must(CHANNEL, 'auth.login', LOGINS[role]);
      const mismatches: string[] = [];
      for (const row of table) {
        const result = await till.core.dispatch(CHANNEL, row.command, null);
        const refused = !result.ok && result.error.code === 'FORBIDDEN';
        // Allowed: the call got past the role check to the input check, which refuses null.
        const reachedInput = !result.ok && result.error.code === 'BAD_INPUT';
        if (row.allowed[role] ? !reachedInput : !refused) mismatches.push(`${row.command}: table ${row.allowed[role]}, got ${JSON.stringify(result)}`);
      }
      expect(mismatches).toEqual([]);
      // The session is still the role's own: nothing above logged it out or ran.
      expect((await till.must(CHANNEL, 'auth.status', {})).session?.user.role).toBe(role);
    });
  }
});
