/**
 * Managers and admins: the way to the till, card payments to resolve and the rules and queues behind them, the
 * catalog, user management and the activity log.
 */
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/api/contract';
import { useCommand } from '../../api/use-api';
import { CatalogSummaryPanel } from '../home/catalog-summary-panel';
import { WelcomeHeading } from '../home/welcome-heading';
import { ActivityPanel } from './activity-panel';
import { OfflineCardsPanel } from './offline-cards-panel';
import { OtherQueuesPanel } from './other-queues-panel';
import { WorklistPanel } from './payments-worklist';
import { UsersPanel } from './users-panel';
import './manager.css';

interface ManagerHomeProps {
  session: SessionInfo;
  onSell: () => void;
  /** The status bar's "to resolve" was pressed: bring the worklist into view, then say so with onWorklistShown. */
  showWorklist?: boolean;
  onWorklistShown?: () => void;
}

export function ManagerHome({ session, onSell, showWorklist = false, onWorklistShown }: ManagerHomeProps) {
  const users = useCommand('users.list', {});
  // Bumped after every change made here, so the activity log shows it without a manual refresh.
  const [changes, setChanges] = useState(0);
  const changed = () => {
    users.reload();
    setChanges((n) => n + 1);
  };

  return (
    <main className="screen home">
      <WelcomeHeading name={session.user.displayName} />
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
      <WorklistPanel focus={showWorklist} onFocused={onWorklistShown} onResolved={() => setChanges((n) => n + 1)} />
      <OfflineCardsPanel />
      <OtherQueuesPanel />
      <CatalogSummaryPanel />
      <UsersPanel actor={session.user} users={users} onChanged={changed} />
      <ActivityPanel users={users.value ?? []} refreshKey={changes} />
    </main>
  );
}
