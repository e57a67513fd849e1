/** How forwarding of offline card payments is paced (electron/core/payments/payment-reconciler.ts). */
export interface ReconcilerTiming {
  /** Payments forwarded at the same time. */
  concurrency: number;
  /** The pause after a run that found the processor unreachable; doubled each time, up to maxBackoffMs. */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** How often to look again when nothing happens (expiry, cancellations, payments handed over). */
  idleMs: number;
}

export const DEFAULT_RECONCILER_TIMING: ReconcilerTiming = { concurrency: 8, minBackoffMs: 1_000, maxBackoffMs: 60_000, idleMs: 30_000 };
