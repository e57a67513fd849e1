import type { Role } from '../../shared/roles';

const LABELS: Record<Role, string> = { clerk: 'Clerk', manager: 'Manager', admin: 'Admin' };

export function roleLabel(role: Role): string {
  return LABELS[role];
}
