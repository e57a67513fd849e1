/**
 * The permissions table is derived from the command specs themselves (the ones the dispatcher enforces), so it
 * cannot drift from what the till really allows. Only the readable names are added here.
 */
import { ROLES, roleAtLeast, type Role } from '../roles';
import type { Access } from './command-spec';
import type { PermissionRow } from './commands/access-commands';

/** What each command lets a person do, in their words; a command without one is named from its own name ('cart.setQuantity' → 'Set quantity'). */
const LABELS: Record<string, string> = {
  'auth.status': 'See who may log in',
  'auth.setupFirstAdmin': 'Set up the first admin',
  'auth.login': 'Log in',
  'auth.logout': 'Log out',
  'auth.changeSecret': 'Choose a new PIN or password',
  'users.list': 'See the users',
  'users.create': 'Add a user',
  'users.setActive': 'Activate or deactivate a user',
  'users.resetSecret': 'Reset a PIN or password',
  'users.unlock': 'Unlock a locked user',
  'audit.recent': 'See recent activity',
  'audit.search': 'Search the audit log',
  'permissions.table': 'See this permissions table',
  'catalog.summary': 'See the catalog summary',
  'catalog.categories': 'Browse categories',
  'catalog.search': 'Search products',
  'catalog.quickKeys': 'Use quick keys',
  'cart.get': 'See the cart',
  'cart.scan': 'Scan a product',
  'cart.addProduct': 'Add a product',
  'cart.setQuantity': 'Change a quantity',
  'cart.removeLine': 'Remove a line',
  'cart.setLineDiscount': 'Discount a line',
  'cart.setCartDiscount': 'Discount the sale',
  'cart.clear': 'Clear the sale',
  'cart.park': 'Park a sale',
  'cart.parked': 'See parked sales',
  'cart.resume': 'Resume a parked sale',
  'checkout.pay': 'Take payment',
  'sales.recent': 'See recent sales',
  'sales.receipt': 'Show or reprint a receipt',
  'returns.lookup': 'Find a sale to return',
  'returns.create': 'Take a return',
  'stock.onHand': 'See stock on hand',
  'settings.get': 'See the store settings',
  'settings.update': 'Change the store settings',
  'display.current': 'Show the customer display',
  'sync.status': 'See the sync status',
  'sync.testConnection': 'Test a sync server',
  'sync.pair': 'Pair the till with a server',
  'sync.rejections': 'See refused uploads',
  'sync.retryRejected': 'Retry refused uploads',
  'reports.dashboard': 'See the sales dashboard',
  'reports.sales': 'List the sales behind a figure',
  'reports.csv': 'Export CSV',
  'terminals.list': 'See every terminal',
  'shifts.current': 'See the open shift',
  'shifts.open': 'Open a shift',
  'shifts.cashMovement': 'Pay cash in or out',
  'shifts.noSale': 'Open the drawer (no sale)',
  'shifts.xReport': 'Print an X report',
  'shifts.close': 'Close a shift (Z report)',
  'shifts.report': 'See a shift’s report',
  'shifts.list': 'See every terminal’s shifts',
  'payments.status': 'See card payments waiting',
  'payments.worklist': 'See card payments to resolve',
  'payments.collect': 'Collect an unpaid card payment',
  'payments.writeOff': 'Write off an unpaid card payment',
  'payments.waitingElsewhere': 'See other tills’ queued cards',
  'payments.takeOver': 'Take over another till’s queued cards',
  'payments.setOfflineCards': 'Allow cards while offline',
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
