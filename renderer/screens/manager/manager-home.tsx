/**
 * Managers and admins: the way to the till, and these views: the overview (card payments to resolve and the rules
 * and queues behind them, catalog, users, activity), the sales dashboard of every terminal, the shifts of every
 * terminal with their X and Z reports, the terminals, products and the catalog import, stock (on hand, adjustments,
 * stocktake, low stock), the store settings, the audit log of every terminal, and who may do what.
 */
import { useEffect, useState } from 'react';
import type { SessionInfo, UserListEntry } from '../../../shared/api/contract';
import { useCommand, type CommandRead } from '../../api/use-api';
import { CatalogSummaryPanel } from '../home/catalog-summary-panel';
import { WelcomeHeading } from '../home/welcome-heading';
import { CatalogIoPanel } from '../catalog-io/catalog-io-panel';
import { ProductsView } from '../products/products-view';
import { SalesDashboard } from '../reports/sales-dashboard';
import { StockView } from '../stock/stock-view';
import { StoreSettingsPanel } from '../store-settings/store-settings-view';
import { AuditLogView } from '../audit/audit-log-view';
import { PermissionsView } from '../audit/permissions-view';
import { ActivityPanel } from './activity-panel';
import { OfflineCardsPanel } from './offline-cards-panel';
import { OtherQueuesPanel } from './other-queues-panel';
import { WorklistPanel } from './payments-worklist';
import { ShiftsPanel } from './shifts-panel';
import { TerminalsPanel } from './terminals-panel';
import { UsersPanel } from './users-panel';
import './manager.css';
import '../reports/reports.css';

type ManagerView = 'overview' | 'sales' | 'shifts' | 'terminals' | 'products' | 'catalog-io' | 'stock' | 'store-settings' | 'audit' | 'permissions';
const VIEWS: { view: ManagerView; label: string }[] = [
  { view: 'overview', label: 'Overview' },
  { view: 'sales', label: 'Sales dashboard' },
  { view: 'shifts', label: 'Shifts' },
  { view: 'terminals', label: 'Terminals' },
  { view: 'products', label: 'Products' },
  { view: 'catalog-io', label: 'Catalog import' },
  { view: 'stock', label: 'Stock' },
  { view: 'store-settings', label: 'Store settings' },
  { view: 'audit', label: 'Audit log' },
  { view: 'permissions', label: 'Permissions' },
];

interface ManagerHomeProps {
  session: SessionInfo;
  onSell: () => void;
  /** The status bar's "to resolve" was pressed: bring the worklist into view, then say so with onWorklistShown. */
  showWorklist?: boolean;
  onWorklistShown?: () => void;
}

export function ManagerHome({ session, onSell, showWorklist = false, onWorklistShown }: ManagerHomeProps) {
  const [view, setView] = useState<ManagerView>('overview');
  const settings = useCommand('settings.get', {});
  const users = useCommand('users.list', {});
  // Bumped after every change made here, so the activity log shows it without a manual refresh.
  const [changes, setChanges] = useState(0);
  const changed = () => {
    users.reload();
    setChanges((n) => n + 1);
  };
  // The worklist lives on the overview: asked for from the status bar, that is where to go.
  useEffect(() => {
    if (showWorklist) setView('overview');
  }, [showWorklist]);

  return (
    <main className="screen home">
      <WelcomeHeading name={session.user.displayName} />
      <nav aria-label="Manager" className="manager-nav">
        {VIEWS.map((v) => (
          <button key={v.view} type="button" className="nav-button" aria-current={view === v.view ? 'page' : undefined} onClick={() => setView(v.view)}>
            {v.label}
          </button>
        ))}
      </nav>
      {view === 'sales' ? <SalesDashboard /> : null}
      {view === 'shifts' ? <ShiftsPanel currency={settings.value?.currency ?? 'EUR'} session={session} /> : null}
      {view === 'terminals' ? <TerminalsPanel /> : null}
      {view === 'catalog-io' ? <CatalogIoPanel /> : null}
      {view === 'products' ? <ProductsView currency={settings.value?.currency ?? 'EUR'} /> : null}
      {view === 'stock' ? <StockView currency={settings.value?.currency ?? 'EUR'} /> : null}
      {view === 'store-settings' ? <StoreSettingsPanel session={session} /> : null}
      {view === 'audit' ? <AuditLogView users={users.value ?? []} /> : null}
      {view === 'permissions' ? <PermissionsView /> : null}
      {view === 'overview' ? (
        <Overview
          session={session}
          onSell={onSell}
          users={users}
          changes={changes}
          changed={changed}
          showWorklist={showWorklist}
          onWorklistShown={onWorklistShown}
          onResolved={() => setChanges((n) => n + 1)}
        />
      ) : null}
    </main>
  );
}

interface OverviewProps {
  session: SessionInfo;
  onSell: () => void;
  users: CommandRead<UserListEntry[]>;
  changes: number;
  changed: () => void;
  showWorklist: boolean;
  onWorklistShown: (() => void) | undefined;
  onResolved: () => void;
}

function Overview({ session, onSell, users, changes, changed, showWorklist, onWorklistShown, onResolved }: OverviewProps) {
  return (
    <>
      <section className="panel panel-wide" aria-labelledby="till-heading">
        <div className="panel-header">
          <div>
            <h2 id="till-heading">Till</h2>
            <p className="field-hint">Sell, take returns and reprint receipts on this till.</p>
          </div>
          <button type="button" onClick={onSell}>
            Start selling
          </button>
        </div>
      </section>
      <WorklistPanel focus={showWorklist} onFocused={onWorklistShown} onResolved={onResolved} />
      <OfflineCardsPanel />
      <OtherQueuesPanel />
      <CatalogSummaryPanel />
      <UsersPanel actor={session.user} users={users} onChanged={changed} />
      <ActivityPanel users={users.value ?? []} refreshKey={changes} />
    </>
  );
}
