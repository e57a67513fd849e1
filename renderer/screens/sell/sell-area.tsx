/**
 * Where a clerk works after logging in (and a manager after "Sell"): the selling screen, returns and the sales
 * history, under one header. The till's keyboard and scanner work everywhere below it.
 */
import type { SessionInfo } from '../../../shared/api/contract';
import { ReturnsScreen } from '../returns/returns-screen';
import { SalesHistory } from '../receipt/sales-history';
import { SellScreen } from './sell-screen';
import { SellSessionProvider, useSell, useSellSession } from './sell-session';
import type { TillView } from './sell-store';
import { useTillKeyboard } from './use-till-keyboard';

const VIEWS: { view: TillView; label: string; key: string }[] = [
  { view: 'sell', label: 'Sale', key: 'Esc' },
  { view: 'returns', label: 'Returns', key: 'F8' },
  { view: 'history', label: 'Sales history', key: 'F9' },
];

function TillHeader({ onLeave }: { onLeave?: () => void }) {
  const { session, store } = useSellSession();
  const view = useSell((s) => s.view);
  return (
    <div className="till-header">
      <h1>Welcome, {session.user.displayName}</h1>
      <nav aria-label="Till" className="till-nav">
        {VIEWS.map((v) => (
          <button
            key={v.view}
            type="button"
            className="nav-button"
            aria-current={view === v.view ? 'page' : undefined}
            onClick={() => store.getState().setView(v.view)}
          >
            {v.label}
            <kbd className="keycap" aria-hidden="true">
              {v.key}
            </kbd>
          </button>
        ))}
        <a className="nav-link" href="./customer-display" target="kassa-customer-display" rel="noopener">
          Customer display
        </a>
        {onLeave ? (
          <button type="button" className="nav-button" onClick={onLeave}>
            Manager home
          </button>
        ) : null}
      </nav>
    </div>
  );
}

function TillViews() {
  const view = useSell((s) => s.view);
  useTillKeyboard();
  if (view === 'returns') return <ReturnsScreen />;
  if (view === 'history') return <SalesHistory />;
  return <SellScreen />;
}

export function SellArea({ session, onLeave }: { session: SessionInfo; onLeave?: () => void }) {
  return (
    <SellSessionProvider session={session}>
      <main className="till-area">
        <TillHeader onLeave={onLeave} />
        <TillViews />
      </main>
    </SellSessionProvider>
  );
}
