/**
 * Test helper: the stand-in card processor (processor/, a real HTTP server with its SQLite ledger) on a temporary
 * directory, and the till's signed client for it — what a till core uses when a test passes it as `processor`.
 */
import { newSigningKey } from '../../../../shared/payments/signature';
import { openTempProcessor, type TempProcessor } from '../../../../processor/test-support/temp-processor';
import type { TillCoreOptions } from '../../api/till-core-types';
import { createLogger } from '../../log';
import { openTempTill, type TempTill } from '../../test-support/temp-till';
import type { CardProcessor } from '../card-processor';
import { createHttpProcessor } from '../http-processor';

export interface StandInProcessor {
  /** The till's side: signed requests, verified replies. */
  processor: CardProcessor;
  /** The processor's side: its ledger, latency and up/down switches, restarts. */
  temp: TempProcessor;
  dispose(): Promise<void>;
}

export async function openStandInProcessor(options: { terminalId?: string; timeoutMs?: number; holdMs?: number } = {}): Promise<StandInProcessor> {
  const key = { ...newSigningKey(`${options.terminalId ?? 'T1'}-test-till`), terminalId: options.terminalId ?? 'T1' };
  const temp = await openTempProcessor({ keys: [key], holdMs: options.holdMs ?? 5_000, log: () => undefined });
  const processor = createHttpProcessor({ url: temp.processor.url, key, timeoutMs: options.timeoutMs ?? 2_000, log: createLogger('test-processor-client') });
  return { processor, temp, dispose: () => temp.dispose() };
}

/** A row of the stand-in processor's ledger as its control API lists it. */
export type LedgerRow = Awaited<ReturnType<TempProcessor['control']['ledger']>>[number];

/**
 * What the processor's ledger says is charged for good: approved payments not cancelled by an approved void, and
 * approved refunds (negative), by idempotency key. The till's promise is that this matches its own books exactly.
 */
export function chargesIn(rows: readonly LedgerRow[]): Map<string, number> {
  const voided = new Set(rows.filter((r) => r.kind === 'void' && r.answer.status === 'approved').map((r) => r.paymentIdempotencyKey));
  const charged = new Map<string, number>();
  for (const row of rows) {
    if (row.answer.status !== 'approved' || row.kind === 'void' || voided.has(row.idempotencyKey)) continue;
    charged.set(row.idempotencyKey, (row.kind === 'refund' ? -1 : 1) * (row.amount ?? 0));
  }
  return charged;
}

/** A temporary till whose cards go to a stand-in processor started for it (stopped with the till). */
export async function openCardTill(options: Partial<TillCoreOptions> = {}): Promise<TempTill> {
  const standIn = await openStandInProcessor({ terminalId: options.terminalId ?? 'T1' });
  const till = await openTempTill({ processor: standIn.processor, ...options });
  till.onDispose(standIn.dispose);
  return till;
}
