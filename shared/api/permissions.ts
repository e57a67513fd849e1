/**
 * The permissions table is derived from the command specs themselves (the ones the dispatcher enforces), so it
 * cannot drift from what the till really allows. Only the readable names are added here.
 */
import { ROLES, roleAtLeast, type Role } from '../roles';
import type { Access } from './command-spec';
import type { PermissionRow } from './commands/access-commands';

/** Nicer names for a few commands; every other one is named from its own name ('cart.setQuantity' → 'Set quantity'). */
const LABELS: Record<string, string> = {
  'auth.status': 'See who may log in',
  'auth.setupFirstAdmin': 'Set up the first admin',
  'auth.login': 'Log in',
  'auth.logout': 'Log out',
  'auth.changeSecret': 'Choose a new PIN or password',
  'users.resetSecret': 'Reset a PIN or password',
  'users.setActive': 'Activate or deactivate a user',
  'users.unlock': 'Unlock a locked user',
  'audit.recent': 'Recent activity',
  'audit.search': 'Search the audit log',
  'permissions.table': 'See this permissions table',
  'checkout.pay': 'Take payment',
  'reports.csv': 'Export CSV',
  'shifts.xReport': 'X report',
};

export function commandLabel(name: string): string {
  const known = LABELS[name];
  if (known) return known;
  const verb = name.slice(name.indexOf('.') + 1).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return verb.charAt(0).toUpperCase() + verb.slice(1);
}

export function mayCall(role: Role, access: Access): boolean {
  return access === 'public' || roleAtLeast(role, access);
}

/** One row per command, grouped by area (the part before the dot), areas and commands in the map's order. */
export function permissionTable(specs: Record<string, { access: Access }>): PermissionRow[] {
  const rows = Object.entries(specs).map(([command, spec]) => ({
    command,
    area: command.slice(0, command.indexOf('.')),
    label: commandLabel(command),
    minimum: spec.access,
    allowed: Object.fromEntries(ROLES.map((role) => [role, mayCall(role, spec.access)])) as Record<Role, boolean>,
  }));
  const areaOrder = [...new Set(rows.map((r) => r.area))];
  return rows.sort((a, b) => areaOrder.indexOf(a.area) - areaOrder.indexOf(b.area));
}
