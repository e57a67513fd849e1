/** What shows before the till service has answered, when it does not answer at all, and while it restarts. */
import { useState } from 'react';
import { ModalDialog } from '../components/modal-dialog';
import { useAuthStore } from '../state/auth-store';
import { useCoreStore } from '../state/core-store';

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

const ignoreEsc = () => undefined;

/**
 * Over every screen while the till core restarts. Modal, so nothing behind it can be pressed, typed or scanned
 * into a core that is not there; it goes by itself when the core is back (core-store.ts keeps asking).
 */
export function CoreRestartingOverlay() {
  const restarting = useCoreStore((s) => s.restarting);
  const message = useCoreStore((s) => s.message);
  if (!restarting) return null;
  return (
    <ModalDialog title="The till is restarting…" onClose={ignoreEsc} className="core-restarting">
      <p role="status" className="core-restarting-message">
        {message}
      </p>
      <p className="field-hint">This screen goes away by itself when the till is back.</p>
    </ModalDialog>
  );
}

/** A payment or refund cut off by a restart: stays above every screen (login included) until the clerk has read it. */
export function InterruptionNotice() {
  const interruption = useCoreStore((s) => s.interruption);
  const dismiss = useCoreStore((s) => s.dismissInterruption);
  if (!interruption) return null;
  return (
    <section className="till-notice alert" role="alert" aria-labelledby="till-notice-title">
      <h2 id="till-notice-title">{interruption.title}</h2>
      <p>{interruption.advice}</p>
      <p className="till-notice-detail">{interruption.message}</p>
      <button type="button" className="button-secondary" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
