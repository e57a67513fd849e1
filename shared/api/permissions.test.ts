import { describe, expect, it } from 'vitest';
import { commandLabel, permissionTable } from './permissions';

describe('permission table', () => {
  it('says each role may call exactly the commands at or below it, grouping areas together', () => {
    const rows = permissionTable({ 'cart.scan': { access: 'clerk' }, 'users.list': { access: 'manager' }, 'cart.clear': { access: 'admin' }, 'auth.status': { access: 'public' } });
    expect(rows.map((r) => r.command)).toEqual(['cart.scan', 'cart.clear', 'users.list', 'auth.status']);
    expect(rows.map((r) => r.allowed)).toEqual([
      { clerk: true, manager: true, admin: true },
      { clerk: false, manager: false, admin: true },
      { clerk: false, manager: true, admin: true },
      { clerk: true, manager: true, admin: true },
    ]);
    expect(rows[0]).toMatchObject({ area: 'cart', minimum: 'clerk', label: 'Scan a product' });
  });

  it('names commands readably', () => {
    expect(commandLabel('products.setMinimumStock')).toBe('Set minimum stock');
    expect(commandLabel('users.resetSecret')).toBe('Reset a PIN or password');
  });
});
