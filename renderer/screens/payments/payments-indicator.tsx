/**
 * The status bar's card payments element: how many cards taken offline wait to be forwarded and for how much,
 * "Forwarding…" while they go, and that the card processor is offline. Quiet when nothing waits and the processor
 * answers. Managers also get the store's count of payments to resolve, which opens the worklist.
 */
import { attentionText, queueSummary } from './payments-format';
import { usePaymentsStatus } from './use-payments-status';
import './payments.css';

interface PaymentsIndicatorProps {
  /** Opens the managers' worklist; absent for a clerk, who sees no worklist count. */
  onShowWorklist?: () => void;
}

export function PaymentsIndicator({ onShowWorklist }: PaymentsIndicatorProps) {
  const status = usePaymentsStatus();
  const summary = status ? queueSummary(status) : null;
  const attention = onShowWorklist && status ? status.attention : 0;
  return (
    <>
      {/* Always in the page, so a screen reader hears it when it starts to speak. */}
      <span role="status" aria-label="Card payments" className={`status-item payments-queue${summary ? ` payments-${summary.tone}` : ''}`}>
        {summary ? (
          <>
            <span className="payments-dot" aria-hidden="true" />
            {summary.text}
          </>
        ) : null}
      </span>
      {attention > 0 ? (
        <button type="button" className="payments-attention" onClick={onShowWorklist}>
          {attentionText(attention)}
        </button>
      ) : null}
    </>
  );
}
