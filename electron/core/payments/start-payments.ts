/**
 * Card payments on this terminal: the ledger (the one writer of `payments`), taking cards at the counter, forwarding
 * the ones taken offline, and the managers' commands (worklist, collect, write off, take over, the offline rule).
 * Started before selling, so a crash's leftovers (card requests of sales never committed) are cancelled first.
 */
import { createHash } from 'node:crypto';
import type { PaymentIssueView, PaymentsStatus, ProcessorState, WaitingElsewhereView } from '../../../shared/api/commands/payments-commands';
import type { StoreSettingsView } from '../../../shared/api/commands/selling-commands';
import { TillError } from '../../../shared/api/errors';
import type { paymentsCommands } from '../../../shared/api/commands/payments-commands';
import type { PaymentDoc } from '../../../shared/model';
import { WAITING_STATUSES } from '../../../shared/payments/payment-states';
import { TEST_CARDS, type TestCardName } from '../../../shared/payments/processor-api';
import { needingAttention, settlementOf } from '../../../shared/payments/settlement';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import type { Session } from '../auth/session-registry';
import { isoNow, type CoreContext } from '../services/core-context';
import { cardLabel } from '../selling/receipts';
import { updateSettings } from '../selling/store-settings';
import { CardPayments, type OfflineCardPolicy } from './card-payments';
import { takeMoneyAndCommit, type MoneyDesk, type MoneyStep } from './take-money';
import { cardTender, cashTender } from '../../../shared/sale/sale-tender';
import type { CardProcessor } from './card-processor';
import { createSimulatedReader, type CardReader } from './card-reader';
import { PaymentLedger } from './payment-ledger';
import { DEFAULT_RECONCILER_TIMING, PaymentReconciler, type ReconcilerTiming } from './payment-reconciler';

export type PaymentsCommandName = keyof typeof paymentsCommands;

export interface PaymentsDeps {
  ctx: CoreContext;
  processor: CardProcessor | null;
  settings: () => StoreSettingsView;
  /** Re-reads the settings after this module changed them. */
  reloadSettings: () => Promise<void>;
  timing?: Partial<ReconcilerTiming>;
}

export interface Payments {
  ledger: PaymentLedger;
  cards: CardPayments;
  reader: CardReader;
  reconciler: PaymentReconciler;
  handlers: HandlerMap<PaymentsCommandName>;
  /** Something changed that the status bar shows: recount and push. */
  changed(): void;
  stop(): Promise<void>;
}

const TEST_CARD_LABELS: Record<TestCardName, string> = {
  approve: 'approves',
  decline: 'is declined',
  insufficientFunds: 'has insufficient funds',
  timeout: 'times out',
  failAfterCharge: 'fails after charging',
};

export async function startPayments(deps: PaymentsDeps): Promise<Payments> {
  const { ctx, processor, settings } = deps;
  const ledger = new PaymentLedger(ctx);
  const policy = (): OfflineCardPolicy => settings().offlineCards;
  let reconciler: PaymentReconciler | null = null;
  const cards = new CardPayments(ctx, processor, ledger, policy, (reachable) => reconciler?.noteReachable(reachable));
  const reader = createSimulatedReader();

  let pushing: Promise<void> | null = null;
  let pushAgain = false;
  const changed = (): void => {
    if (pushing) {
      pushAgain = true;
      return;
    }
    pushing = status()
      .then((payload) => ctx.push({ channelId: null, message: { event: 'payments.status', payload } }))
      .catch((error: unknown) => ctx.log.error('Could not count the payments waiting', { error }))
      .finally(() => {
        pushing = null;
        if (pushAgain) {
          pushAgain = false;
          changed();
        }
      });
  };
  const forwarding = new PaymentReconciler(ctx, processor, ledger, cards, { ...DEFAULT_RECONCILER_TIMING, ...deps.timing }, changed);
  reconciler = forwarding;

  async function status(): Promise<PaymentsStatus> {
    const waiting = await ledger.waitingHere();
    const amount = waiting.reduce((sum, p) => sum + Math.abs(p.amount), 0);
    const offlineCards = policy();
    const reachable = forwarding.reachable;
    const state: ProcessorState = !processor ? 'not_configured' : reachable === null ? 'unknown' : reachable ? 'reachable' : 'unreachable';
    return {
      terminalId: ctx.terminalId,
      currency: settings().currency,
      processor: state,
      offlineCards,
      waiting: { count: waiting.length, amount },
      offlineRoom: Math.max(0, offlineCards.terminalCap - amount),
      forwarding: forwarding.busy,
      attention: needingAttention(await ledger.attentionWithResolutions()).length,
      reader: { simulated: reader.simulated, testCards: (Object.keys(TEST_CARDS) as TestCardName[]).map((name) => ({ name, label: `${TEST_CARDS[name].brand} \u2022\u2022\u2022\u2022 ${TEST_CARDS[name].last4} (${TEST_CARD_LABELS[name]})` })) },
    };
  }

  // A card attempt's document is a sale or a return, or a collection's own payment.
  const committed = async (docId: string) => (await ctx.db.sales.findOne(docId).exec()) !== null || (await ctx.db.payments.findOne(docId).exec()) !== null;
  await cards.recoverAttempts(committed);

  // Any payment that changes — here, or on another terminal through sync — may change the queue or the worklist.
  const subscription = ctx.db.payments.$.subscribe((event) => {
    changed();
    const doc = event.documentData as PaymentDoc | undefined;
    if (doc && doc.terminalId === ctx.terminalId && WAITING_STATUSES.includes(doc.status) && !forwarding.busy) forwarding.kick();
    if (doc && doc.kind === 'handover' && doc.terminalId !== ctx.terminalId) forwarding.kick();
  });
  forwarding.start();

  const handlers = createPaymentsHandlers({ ctx, ledger, cards, reader, reconciler: forwarding, status, settings, reloadSettings: deps.reloadSettings, changed });
  return {
    ledger,
    cards,
    reader,
    reconciler: forwarding,
    handlers,
    changed,
    async stop() {
      subscription.unsubscribe();
      await forwarding.stop();
      await pushing;
    },
  };
}

/**
 * The id of whatever resolves a declined or expired payment (a collection or a write-off), the same on every till:
 * two tills resolving one decline while offline write one document twice, and the server keeps the first (the
 * second is refused and shown to managers under sync), instead of the sale holding two collections.
 */
export function resolutionId(payment: Pick<PaymentDoc, 'saleId' | 'idempotencyKey'>): string {
  return `${payment.saleId}-R${createHash('sha256').update(payment.idempotencyKey).digest('hex').slice(0, 10).toUpperCase()}`;
}

interface HandlerDeps {
  ctx: CoreContext;
  ledger: PaymentLedger;
  cards: CardPayments;
  reader: CardReader;
  reconciler: PaymentReconciler;
  status: () => Promise<PaymentsStatus>;
  settings: () => StoreSettingsView;
  reloadSettings: () => Promise<void>;
  changed: () => void;
}

function createPaymentsHandlers(d: HandlerDeps): HandlerMap<PaymentsCommandName> {
  const { ctx, ledger } = d;
  const desk: MoneyDesk = { ctx, cards: d.cards, later: (work) => ctx.writes.after(work) };

  /** The payment a manager resolves: declined or expired, not resolved already. */
  const issue = async (paymentId: string): Promise<PaymentDoc> => {
    const payment = await ledger.get(paymentId);
    if (!payment) throw new TillError('NOT_FOUND', 'That payment is not on this till (it may not have synced here yet).');
    const open = needingAttention(await ledger.ofSales([payment.saleId]));
    if (!open.some((p) => p.idempotencyKey === payment.idempotencyKey && payment.idempotencyKey !== '')) {
      throw new TillError('CONFLICT', `Payment ${paymentId} needs nothing: it is ${payment.status}${payment.status === 'declined' || payment.status === 'expired' ? ' and already resolved' : ''}.`);
    }
    return payment;
  };

  const resolution = async (payment: PaymentDoc, session: Session, fields: Pick<PaymentDoc, 'method' | 'status' | 'kind' | 'reference' | 'reason'> & Partial<PaymentDoc>) => {
    const at = isoNow(ctx);
    const doc: PaymentDoc = {
      id: resolutionId(payment),
      saleId: payment.saleId,
      terminalId: ctx.terminalId,
      amount: payment.amount,
      currency: payment.currency,
      createdAt: at,
      idempotencyKey: '',
      cardBrand: '',
      cardLast4: '',
      cardToken: '',
      offline: false,
      originalReference: '',
      contact: '',
      clerkId: session.user.id,
      resolves: payment.idempotencyKey,
      attempts: 0,
      updatedAt: at,
      settledAt: at,
      ...fields,
    };
    await ledger.insert(doc);
    const settled = settlementOf({ id: payment.saleId }, await ledger.ofSales([payment.saleId])).state === 'settled';
    d.changed();
    return { doc, settled };
  };

  return {
    'payments.status': () => d.status(),

    'payments.worklist': async () => {
      const all = await ledger.attentionWithResolutions();
      const open = needingAttention(all);
      const sales = await ctx.db.sales.findByIds([...new Set(open.map((p) => p.saleId))]).exec();
      const names = new Map<string, string>();
      const nameOf = async (userId: string) => {
        if (!names.has(userId)) names.set(userId, (await ctx.db.users.findOne(userId).exec())?.displayName ?? userId);
        return names.get(userId)!;
      };
      return Promise.all(
        open.map(
          async (p): Promise<PaymentIssueView> => ({
            paymentId: p.id,
            saleId: p.saleId,
            saleNumber: sales.get(p.saleId)?.number ?? '',
            terminalId: p.terminalId,
            clerkName: await nameOf(p.clerkId),
            amount: p.amount,
            currency: p.currency,
            takenAt: p.createdAt,
            status: p.status as PaymentIssueView['status'],
            reason: p.reason,
            card: cardLabel(p),
            contact: p.contact,
          }),
        ),
      );
    },

    'payments.collect': async (input, call) => {
      const session = sessionOf(call);
      const payment = await issue(input.paymentId);
      if (payment.amount <= 0) throw new TillError('BAD_INPUT', 'A refund that could not be paid back is settled with the customer in cash or written off.');
      const id = resolutionId(payment);
      const step: MoneyStep =
        input.method === 'cash'
          ? { method: 'cash', tender: cashTender(payment.amount) }
          : {
              method: 'card',
              amount: payment.amount,
              take: async (attempt) => {
                const card = await d.reader.read(input.testCard);
                // Online only: a second offline card for a declined one would only repeat the risk.
                const taken = await d.cards.pay({ ...attempt, docId: id, paymentId: id, amount: payment.amount, currency: payment.currency, card, contact: payment.contact, onlineOnly: true });
                return cardTender(payment.amount, card, { ...taken, contact: payment.contact });
              },
            };
      const result = await takeMoneyAndCommit(desk, id, [step], ([tender]) =>
        resolution(payment, session, {
          kind: 'collection',
          method: tender!.method,
          status: 'captured',
          reference: tender!.reference,
          reason: '',
          idempotencyKey: tender!.idempotencyKey,
          cardBrand: tender!.cardBrand,
          cardLast4: tender!.cardLast4,
          cardToken: tender!.cardToken,
        }),
      );
      await ctx.audit.record({
        actorId: session.user.id,
        type: 'payment.collected',
        subjectId: payment.id,
        details: { saleId: payment.saleId, amount: payment.amount, method: input.method, collectedAs: result.doc.id },
      });
      return { paymentId: result.doc.id, settled: result.settled };
    },

    'payments.writeOff': async (input, call) => {
      const session = sessionOf(call);
      const payment = await issue(input.paymentId);
      const result = await resolution(payment, session, { kind: 'write_off', method: 'none', status: 'written_off', reference: '', reason: input.reason });
      await ctx.audit.record({
        actorId: session.user.id,
        type: 'payment.written_off',
        subjectId: payment.id,
        details: { saleId: payment.saleId, amount: payment.amount, reason: input.reason },
      });
      return { paymentId: result.doc.id, settled: result.settled };
    },

    'payments.waitingElsewhere': async () => {
      const byTerminal = new Map<string, WaitingElsewhereView>();
      for (const p of await ledger.inStatus(WAITING_STATUSES)) {
        if (p.terminalId === ctx.terminalId) continue;
        const row = byTerminal.get(p.terminalId) ?? { terminalId: p.terminalId, count: 0, amount: 0, currency: p.currency, oldest: p.createdAt };
        row.count += 1;
        row.amount += p.amount;
        if (p.createdAt < row.oldest) row.oldest = p.createdAt;
        byTerminal.set(p.terminalId, row);
      }
      return [...byTerminal.values()].sort((a, b) => a.terminalId.localeCompare(b.terminalId));
    },

    'payments.takeOver': async (input, call) => {
      const session = sessionOf(call);
      if (input.terminalId === ctx.terminalId) throw new TillError('BAD_INPUT', 'These are this till\u2019s own payments: it forwards them itself.');
      const theirs = (await ledger.inStatus(WAITING_STATUSES)).filter((p) => p.terminalId === input.terminalId && p.kind !== 'handover');
      if (theirs.length === 0) throw new TillError('NOT_FOUND', `Till ${input.terminalId} has no card payments waiting here (they may not have synced yet).`);
      const related = await ledger.ofSales([...new Set(theirs.map((p) => p.saleId))]);
      const taken = new Set(related.filter((p) => p.kind === 'handover').map((p) => p.resolves));
      let count = 0;
      let amount = 0;
      for (const p of theirs) {
        if (taken.has(p.idempotencyKey)) continue;
        const at = isoNow(ctx);
        await ledger.insert({
          ...p,
          id: `${p.id}-H${ctx.terminalId}`.slice(0, 64),
          terminalId: ctx.terminalId,
          kind: 'handover',
          // One the other till may have sent stays unknown here: it is looked up by its key before anything is sent.
          status: p.status === 'queued' ? 'queued' : 'unknown',
          resolves: p.idempotencyKey,
          attempts: 0,
          reason: '',
          updatedAt: at,
          settledAt: '',
        });
        count += 1;
        amount += p.amount;
      }
      await ctx.audit.record({ actorId: session.user.id, type: 'payment.taken_over', subjectId: input.terminalId, details: { from: input.terminalId, count, amount } });
      d.reconciler.kick();
      return { taken: count, amount };
    },

    'payments.setOfflineCards': async (input, call) => {
      const session = sessionOf(call);
      const current = d.settings();
      const next = {
        enabled: input.enabled,
        perPaymentCap: input.perPaymentCap ?? current.offlineCards.perPaymentCap,
        terminalCap: input.terminalCap ?? current.offlineCards.terminalCap,
      };
      if (next.perPaymentCap > next.terminalCap) throw new TillError('BAD_INPUT', 'The cap per card cannot exceed the cap per till.');
      const updated = await updateSettings(ctx, current, { offlineCards: next }, session);
      await d.reloadSettings();
      d.changed();
      return updated.offlineCards;
    },
  };
}
