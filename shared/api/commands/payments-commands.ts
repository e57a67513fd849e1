/**
 * Card payments beyond the counter: the state of this till's queue of cards taken offline, the managers' worklist
 * of payments declined or expired after the fact (on every terminal, through sync), collecting or writing off what
 * they owe, taking over the queue of a terminal that is gone, and the store's rule on taking cards offline.
 */
import { z } from 'zod';
import { TEST_CARD_NAMES, type TestCardName } from '../../payments/processor-api';
import type { CurrencyCode, PaymentStatus } from '../../model';
import { command, entityId, noInput } from '../command-spec';

const noControl = /^[^\p{Cc}]*$/u;
const money = z.number().int('Amounts are whole minor units (cents)').min(1).max(1e10);

export interface OfflineCardsView {
  enabled: boolean;
  /** Largest card accepted offline, minor units. */
  perPaymentCap: number;
  /** Most that may wait to be forwarded on one terminal, minor units. */
  terminalCap: number;
}

export type ProcessorState = 'not_configured' | 'reachable' | 'unreachable' | 'unknown';

export interface PaymentsStatus {
  terminalId: string;
  currency: CurrencyCode;
  processor: ProcessorState;
  offlineCards: OfflineCardsView;
  /** This terminal's card payments waiting to be forwarded. */
  waiting: { count: number; amount: number };
  /** What the terminal cap leaves for more offline cards (never below 0). */
  offlineRoom: number;
  /** Forwarding is running now. */
  forwarding: boolean;
  /** Payments of the whole store a manager must act on (declined or expired, not yet resolved). */
  attention: number;
  /** The card reader: a simulated one offers the stand-in processor's test cards. */
  reader: { simulated: boolean; testCards: { name: TestCardName; label: string }[] };
}

export interface PaymentIssueView {
  paymentId: string;
  saleId: string;
  saleNumber: string;
  terminalId: string;
  clerkName: string;
  /** What is owed (a refund that could not be paid back is negative). */
  amount: number;
  currency: CurrencyCode;
  takenAt: string;
  status: Extract<PaymentStatus, 'declined' | 'expired'>;
  reason: string;
  /** e.g. "Visa •••• 0002". */
  card: string;
  /** The customer contact taken with the card, '' when none. */
  contact: string;
}

export interface WaitingElsewhereView {
  terminalId: string;
  count: number;
  amount: number;
  currency: CurrencyCode;
  oldest: string;
}

export interface ResolutionResult {
  /** The payment written for it: a collection or a write-off. */
  paymentId: string;
  /** The sale's money is all in now. */
  settled: boolean;
}

export const paymentsCommands = {
  'payments.status': command<PaymentsStatus>()(noInput, 'clerk', 'reads'),
  'payments.worklist': command<PaymentIssueView[]>()(noInput, 'manager', 'reads'),
  /** Another payment for a declined or expired card: cash, or a card (online only). */
  'payments.collect': command<ResolutionResult>()(
    z
      .object({
        paymentId: entityId,
        method: z.enum(['cash', 'card']),
        testCard: z.enum(TEST_CARD_NAMES).optional(),
      })
      .strict(),
    'manager', 'writes',
  ),
  /** Gives up a declined or expired card payment, with the reason (audited). */
  'payments.writeOff': command<ResolutionResult>()(
    z
      .object({
        paymentId: entityId,
        reason: z.string().trim().min(3, 'Say why it is written off').max(300, 'Reason: at most 300 characters').regex(noControl, 'Reason: no control characters'),
      })
      .strict(),
    'manager', 'writes',
  ),
  'payments.waitingElsewhere': command<WaitingElsewhereView[]>()(noInput, 'manager', 'reads'),
  /** This till forwards the waiting card payments of a terminal that is gone (same keys: charged once at most). */
  'payments.takeOver': command<{ taken: number; amount: number }>()(
    z.object({ terminalId: z.string().regex(/^[A-Z0-9_]{1,24}$/, 'A terminal id: capitals, digits, _') }).strict(),
    'manager', 'writes',
  ),
  /** The store's rule on cards taken while the processor cannot be reached (audited). */
  'payments.setOfflineCards': command<OfflineCardsView>()(
    z
      .object({ enabled: z.boolean(), perPaymentCap: money.optional(), terminalCap: money.optional() })
      .strict()
      .refine((v) => v.perPaymentCap === undefined || v.terminalCap === undefined || v.perPaymentCap <= v.terminalCap, 'The cap per card cannot exceed the cap per till'),
    'manager', 'writes',
  ),
} as const;

export interface PaymentsEvents {
  /** This till's payments status changed (queue, forwarding, processor reachability, worklist size). */
  'payments.status': PaymentsStatus;
}
