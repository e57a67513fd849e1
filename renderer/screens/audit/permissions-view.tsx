/**
 * What each role may do, one row per command grouped by area. The till answers from the very command map its
 * dispatcher enforces, so this table cannot say something the till does not do.
 */
import type { PermissionRow } from '../../../shared/api/contract';
import { ROLES } from '../../../shared/roles';
import { useCommand } from '../../api/use-api';
import { AlertMessage } from '../../components/alert-message';
import { roleLabel } from '../../components/role-label';

const AREAS: Record<string, string> = {
  auth: 'Logging in',
  users: 'Users',
  audit: 'Audit log',
  permissions: 'Permissions',
  catalog: 'Catalog',
  cart: 'Cart',
  checkout: 'Checkout',
  sales: 'Sales and receipts',
  returns: 'Returns',
  stock: 'Stock',
  settings: 'Store settings',
  display: 'Customer display',
  reports: 'Reports',
  terminals: 'Terminals',
  shifts: 'Shifts and cash',
  payments: 'Card payments',
  sync: 'Sync',
};
const areaLabel = (area: string) => AREAS[area] ?? area.charAt(0).toUpperCase() + area.slice(1);

export function PermissionsView() {
  const table = useCommand('permissions.table', {});
  const areas = groupByArea(table.value ?? []);
  return (
    <section className="panel panel-wide" aria-labelledby="permissions-heading">
      <h2 id="permissions-heading">Permissions</h2>
      <p className="field-hint">What each role may do on every till. A role may do everything the roles before it may. Anyone may use the commands marked for everyone, even before logging in.</p>
      <AlertMessage message={table.error?.message} />
      {table.value ? (
        <div className="table-scroll">
          <table className="data-table permissions-table">
            <caption className="visually-hidden">What each role may do</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                {ROLES.map((role) => (
                  <th key={role} scope="col">
                    {roleLabel(role)}
                  </th>
                ))}
              </tr>
            </thead>
            {areas.map(([area, rows]) => (
              <tbody key={area}>
                <tr className="area-row">
                  <th scope="rowgroup" colSpan={ROLES.length + 1}>
                    {areaLabel(area)}
                  </th>
                </tr>
                {rows.map((row) => (
                  <tr key={row.command}>
                    <th scope="row" title={row.command}>
                      {row.label}
                      {row.minimum === 'public' ? <span className="field-hint"> (everyone)</span> : null}
                    </th>
                    {ROLES.map((role) => (
                      <td key={role}>{row.allowed[role] ? 'Yes' : 'No'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      ) : null}
    </section>
  );
}

function groupByArea(rows: PermissionRow[]): [string, PermissionRow[]][] {
  const groups = new Map<string, PermissionRow[]>();
  for (const row of rows) groups.set(row.area, [...(groups.get(row.area) ?? []), row]);
  return [...groups];
}
