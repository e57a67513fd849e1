/**
 * Returns: find the sale, pick lines and quantities, choose where the refund goes, and have a manager approve
 * (a manager's own session approves itself). The till service writes the return as its own document and puts the
 * stock back; this screen shows the return receipt it answers with.
 */
import { useState } from 'react';
import type { CheckoutResult, ReturnableSale } from '../../../shared/api/commands/selling-commands';
import type { ApiError } from '../../../shared/api/errors';
import { roleAtLeast } from '../../../shared/roles';
import type { Approval } from '../../api/selling-api';
import { AlertMessage } from '../../components/alert-message';
import { ReceiptDialog } from '../receipt/receipt-dialog';
import { ApprovalDialog } from '../sell/dialogs/approval-dialog';
import { formatTime, money } from '../sell/display-format';
import { useSellSession } from '../sell/sell-session';
import { ReceiptLookup } from './receipt-lookup';
import { ReturnLines } from './return-lines';
import { initialPicks, returnRequest, type ReturnPick } from './return-picks';
import '../manager/manager.css';
import './returns.css';

type RefundTo = 'original' | 'cash';
const METHOD: Record<string, string> = { cash: 'cash', card: 'card' };

export function ReturnsScreen() {
  const { api, session } = useSellSession();
  const [sale, setSale] = useState<ReturnableSale | null>(null);
  const [picks, setPicks] = useState<ReturnPick[]>([]);
  const [refundTo, setRefundTo] = useState<RefundTo>('original');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [approving, setApproving] = useState(false);
  const [done, setDone] = useState<CheckoutResult | null>(null);
  const selfApproves = roleAtLeast(session.user.role, 'manager');

  const lookup = async (number: string) => {
    setBusy(true);
    setError(null);
    const result = await api.call('returns.lookup', { number });
    setBusy(false);
    if (!result.ok) {
      setSale(null);
      return setError(result.error.message);
    }
    setSale(result.value);
    setPicks(initialPicks(result.value));
    setRefundTo('original');
  };

  const send = async (approval?: Approval): Promise<ApiError | null> => {
    if (!sale) return null;
    const lines = returnRequest(sale, picks);
    if (!lines.ok) return { code: 'BAD_INPUT', message: lines.message };
    const result = await api.call('returns.create', { saleId: sale.saleId, lines: lines.value, refundTo, ...(approval ? { approval } : {}) });
    if (!result.ok) return result.error;
    setApproving(false);
    setDone(result.value);
    return null;
  };

  const refund = async () => {
    const check = sale ? returnRequest(sale, picks) : null;
    if (check && !check.ok) return setError(check.message);
    setError(null);
    if (!selfApproves) return setApproving(true);
    setBusy(true);
    const refused = await send();
    setBusy(false);
    if (refused) setError(refused.message);
  };

  const finish = () => {
    setDone(null);
    setSale(null);
    setPicks([]);
  };

  return (
    <section className="returns-screen" aria-labelledby="returns-heading">
      <h2 id="returns-heading">Returns</h2>
      <ReceiptLookup busy={busy} scanEnabled={!approving && !done} onLookup={(n) => void lookup(n)} />
      {sale ? (
        <section className="panel" aria-label={`Sale ${sale.number}`}>
          <p className="return-sale">
            Receipt <strong>{sale.number}</strong> · {formatTime(sale.createdAt)} · {money(sale.total, sale.currency)} · paid by{' '}
            {sale.methods.map((m) => METHOD[m] ?? m).join(' + ')}
          </p>
          <ReturnLines sale={sale} picks={picks} onChange={setPicks} />
          <fieldset>
            <legend>Refund to</legend>
            <div className="choice-row">
              <label className="choice">
                <input type="radio" name="refund-to" checked={refundTo === 'original'} onChange={() => setRefundTo('original')} />
                Original payment ({sale.methods.map((m) => METHOD[m] ?? m).join(' + ')})
              </label>
              <label className="choice">
                <input type="radio" name="refund-to" checked={refundTo === 'cash'} onChange={() => setRefundTo('cash')} />
                Cash
              </label>
            </div>
          </fieldset>
          <div className="dialog-actions">
            <button type="button" onClick={() => void refund()} disabled={busy}>
              {selfApproves ? 'Refund' : 'Refund (manager approves)'}
            </button>
          </div>
        </section>
      ) : null}
      <AlertMessage message={error} />
      {approving ? (
        <ApprovalDialog reason="A manager must approve every refund." attempt={send} onCancel={() => setApproving(false)} action="Approve refund" />
      ) : null}
      {done ? (
        <ReceiptDialog title="Return complete" receipt={done.receipt} onClose={finish} closeLabel="Done">
          <p className="change-due" role="status">
            Refund <strong>{money(done.receipt.total, done.receipt.currency)}</strong>
          </p>
        </ReceiptDialog>
      ) : null}
    </section>
  );
}
