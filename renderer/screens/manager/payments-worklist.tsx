/**
 * "Payments to resolve": card payments of every terminal that were declined or expired after the sale (taken
 * offline, refused when forwarded). The store is owed them: a manager collects them in cash or by card, or writes
 * them off. Kept current by the till's `payments.status` pushes (its count of them changes).
 */
import { useEffect, useRef, useState } from 'react';
import type { PaymentIssueView } from '../../../shared/api/commands/payments-commands';
import { useCommand } from '../../api/use-api';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { usePaymentsStatus } from '../payments/use-payments-status';
import { formatTime, money } from '../sell/display-format';
import { issueWhy, ResolvePaymentDialog, type Resolution } from './resolve-payment-dialog';

interface WorklistPanelProps {
  /** The status bar's "to resolve" was pressed: the panel comes into view with the keyboard on it, then says onFocused. */
  focus: boolean;
  onFocused?: () => void;
  /** Something was resolved (the activity log has news). */
  onResolved: () => void;
}

export function WorklistPanel({ focus, onFocused, onResolved }: WorklistPanelProps) {
  const worklist = useCommand('payments.worklist', {});
  const status = usePaymentsStatus();
  const [open, setOpen] = useState<{ issue: PaymentIssueView; resolution: Resolution } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new decline, or one resolved on another till, changes the count the till pushes: read the list again.
  const { reload } = worklist;
  const attention = status?.attention;
  const seen = useRef(attention);
  useEffect(() => {
    if (attention === undefined || seen.current === attention) return;
    const first = seen.current === undefined;
    seen.current = attention;
    if (!first) reload();
  }, [attention, reload]);

  const focused = useRef(onFocused);
  useEffect(() => {
    focused.current = onFocused;
  });
  useEffect(() => {
    if (!focus) return;
    heading.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus();
    focused.current?.();
  }, [focus]);

  const resolved = (message: string) => {
    setOpen(null);
    setDone(message);
    reload();
    onResolved();
  };

  const issues = worklist.value;
  return (
    <section className="panel panel-wide" aria-labelledby="worklist-heading">
      <div className="panel-header">
        <div>
          <h2 id="worklist-heading" ref={heading} tabIndex={-1}>
            Payments to resolve
          </h2>
          <p className="field-hint">Card payments declined or expired after the sale, on every till of the store. The customer still owes them.</p>
        </div>
        <button type="button" className="button-small button-secondary" onClick={reload} disabled={worklist.loading}>
          Refresh
        </button>
      </div>
      <AlertMessage message={worklist.error?.message} />
      <StatusMessage message={done} />
      {issues?.length === 0 ? <p className="empty-note">No card payments to resolve.</p> : null}
      {issues && issues.length > 0 ? <WorklistTable issues={issues} onResolve={(issue, resolution) => setOpen({ issue, resolution })} /> : null}
      {open ? <ResolvePaymentDialog {...open} status={status} onDone={resolved} onCancel={() => setOpen(null)} /> : null}
    </section>
  );
}

function WorklistTable({ issues, onResolve }: { issues: PaymentIssueView[]; onResolve: (issue: PaymentIssueView, resolution: Resolution) => void }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Card payments to resolve, on every till</caption>
        <thead>
          <tr>
            <th scope="col">Receipt</th>
            <th scope="col">Till</th>
            <th scope="col">Clerk</th>
            <th scope="col">Taken</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Card</th>
            <th scope="col">Customer contact</th>
            <th scope="col">Why</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue.paymentId}>
              <th scope="row" className="code">
                {issue.saleNumber}
              </th>
              <td>{issue.terminalId}</td>
              <td>{issue.clerkName}</td>
              <td>
                <time dateTime={issue.takenAt}>{formatTime(issue.takenAt)}</time>
              </td>
              <td className="num">{money(issue.amount, issue.currency)}</td>
              <td>{issue.card || '—'}</td>
              <td>{issue.contact || '—'}</td>
              <td>{issueWhy(issue)}</td>
              <td>
                <div className="row-actions">
                  {/* A refund the customer never got is paid out in cash and written off: nothing to collect. */}
                  {issue.amount > 0 ? (
                    <>
                      <button type="button" className="button-small" onClick={() => onResolve(issue, 'cash')} aria-label={`Collect in cash for ${issue.saleNumber}`}>
                        Collect in cash
                      </button>
                      <button type="button" className="button-small button-secondary" onClick={() => onResolve(issue, 'card')} aria-label={`Collect by card for ${issue.saleNumber}`}>
                        Collect by card
                      </button>
                    </>
                  ) : null}
                  <button type="button" className="button-small button-secondary" onClick={() => onResolve(issue, 'writeOff')} aria-label={`Write off ${issue.saleNumber}`}>
                    Write off…
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
