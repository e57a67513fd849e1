/** What shows before the till service has answered, or when it does not answer at all. */
import { useState } from 'react';
import { useAuthStore } from '../state/auth-store';

export function StartingScreen() {
  return (
    <main className="screen screen-narrow" aria-busy="true">
      <h1>Starting Kassa…</h1>
    </main>
  );
}

export function UnavailableScreen() {
  const problem = useAuthStore((s) => s.problem);
  const refresh = useAuthStore((s) => s.refresh);
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    await refresh();
    setBusy(false);
  };
  return (
    <main className="screen screen-narrow">
      <h1>Kassa is not answering</h1>
      <p role="alert" className="alert">
        {problem}
      </p>
      <button type="button" onClick={() => void retry()} disabled={busy} autoFocus>
        Try again
      </button>
    </main>
  );
}
