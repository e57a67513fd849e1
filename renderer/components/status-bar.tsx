/** The strip across the top once someone is logged in: which till, who, sync and card payments, and the way out. */
import { useState } from 'react';
import type { SessionInfo } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/api/errors';
import { api } from '../api/client';
import { PaymentsIndicator } from '../screens/payments/payments-indicator';
import { SyncStatusBadge } from '../screens/sync/sync-status-badge';
import { useAuthStore } from '../state/auth-store';
import { AlertMessage } from './alert-message';
import { roleLabel } from './role-label';

/** Answers to a logout that mean there is no session left to end: none, or the core that held it restarted. */
const SESSION_GONE = new Set<ErrorCode>(['NOT_LOGGED_IN', 'RESTARTING', 'INTERRUPTED']);

interface StatusBarProps {
  session: SessionInfo;
  /** Opens the managers' worklist of card payments to resolve (managers only). */
  onShowWorklist?: () => void;
}

export function StatusBar({ session, onShowWorklist }: StatusBarProps) {
  const sessionChanged = useAuthStore((s) => s.sessionChanged);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const logOut = async () => {
    setBusy(true);
    setError(null);
    const result = await api.call('auth.logout', {});
    setBusy(false);
    if (result.ok || SESSION_GONE.has(result.error.code)) sessionChanged(null);
    else setError(result.error.message);
  };

  return (
    <header className="status-bar">
      <span className="status-item">
        Terminal <strong>{session.terminalId}</strong>
      </span>
      <span className="status-item">
        <strong>{session.user.displayName}</strong> · {roleLabel(session.user.role)}
      </span>
      <SyncStatusBadge role={session.user.role} />
      <PaymentsIndicator onShowWorklist={onShowWorklist} />
      <button type="button" className="button-secondary" onClick={() => void logOut()} disabled={busy}>
        Log out
      </button>
      <AlertMessage message={error} />
    </header>
  );
}
