/**
 * Where a clerk works after logging in (and a manager after "Sell"): the selling screen, returns and the sales
 * history, under one header. The till's keyboard and scanner work everywhere below it.
 */
import type { SessionInfo } from '../../../shared/api/contract';
import { ariaKeyShortcuts } from '../../commands/command-manager';
import { ReturnsScreen } from '../returns/returns-screen';
import { SalesHistory } from '../receipt/sales-history';
import { ShiftScreen } from '../shifts/shift-screen';
import { SellScreen } from './sell-screen';
import { SellSessionProvider, useSell, useSellSession } from './sell-session';
import { tillCommands, VIEW_COMMANDS } from './till-commands';
import { useTillKeyboard } from './use-till-keyboard';

/**
 * Switches view through the view's till command. Never disabled: the current view is marked, not greyed out, and
 * choosing it again is a no-op (its command may not run there), as its key is.
 */
function ViewButton({ entry }: { entry: (typeof VIEW_COMMANDS)[number] }) {
  const { run } = useSellSession();
  const current = useSell((s) => s.view === entry.view);
  const key = tillCommands.get(entry.keyFrom).shortcut;
  return (
    <button
      type="button"
      className="nav-button"
      aria-current={current ? 'page' : undefined}
      aria-keyshortcuts={ariaKeyShortcuts(key)}
      onClick={() => run(entry.command)}
    >
      {tillCommands.get(entry.command).label}
      {key ? (
        <kbd className="keycap" aria-hidden="true">
          {key.hint}
        </kbd>
      ) : null}
    </button>
  );
}

function TillHeader({ onLeave }: { onLeave?: () => void }) {
  const { session } = useSellSession();
  return (
    <div className="till-header">
      <h1>Welcome, {session.user.displayName}</h1>
      <nav aria-label="Till" className="till-nav">
        {VIEW_COMMANDS.map((entry) => (
          <ViewButton key={entry.view} entry={entry} />
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
  if (view === 'shift') return <ShiftScreen />;
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
