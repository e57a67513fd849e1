/** Who may do what at the till. Roles are ordered: each one can do everything the one below it can. */
export const ROLES = ['clerk', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { clerk: 1, manager: 2, admin: 3 };

export function roleAtLeast(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

/** A manager may create and edit clerks; only an admin may create managers and admins. */
export function mayManageRole(actor: Role, target: Role): boolean {
  if (actor === 'admin') return true;
  return actor === 'manager' && target === 'clerk';
}
