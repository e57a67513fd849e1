/** Who may do what (derived from the command map the dispatcher enforces) and the audit trail of every terminal. */
import { commands } from '../../../shared/api/contract';
import { permissionTable } from '../../../shared/api/permissions';
import type { HandlerMap } from '../api/handler-types';
import { searchAudit } from './audit-search';
import type { CoreContext } from './core-context';

export function createAccessHandlers(ctx: CoreContext): HandlerMap<'permissions.table' | 'audit.search'> {
  return {
    'permissions.table': async () => permissionTable(commands),
    'audit.search': (input) => searchAudit(ctx.db, input, ctx.now()),
  };
}
