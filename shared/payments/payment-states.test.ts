import { describe, expect, it } from 'vitest';
import { hasExpired, isFinal, mayChange, OFFLINE_FORWARD_LIMIT_MS } from './payment-states';

describe('payment state changes', () => {
  it('never changes a final status, not even to itself (a decline looked up again is no change)', () => {
    for (const status of ['captured', 'declined', 'expired', 'written_off', 'handed_over'] as const) {
      expect(isFinal(status)).toBe(true);
      expect(mayChange(status, status), status).toBe(false);
    }
    expect(mayChange('captured', 'queued')).toBe(false);
    expect(mayChange('declined', 'submitting')).toBe(false);
  });

  it('keeps a waiting status with a new reason or attempt, and moves only along the machine', () => {
    expect(mayChange('unknown', 'unknown')).toBe(true);
    expect(mayChange('queued', 'submitting')).toBe(true);
    expect(mayChange('submitting', 'declined')).toBe(true);
    expect(mayChange('queued', 'captured')).toBe(false);
  });
});

describe('hasExpired (a card taken offline must be forwarded within 24 h)', () => {
  const createdAt = '2026-11-28T10:00:00.000Z';
  const taken = Date.parse(createdAt);

  it('keeps a queued payment for exactly the limit and expires it a millisecond later', () => {
    expect(OFFLINE_FORWARD_LIMIT_MS).toBe(24 * 60 * 60_000);
    expect(hasExpired({ status: 'queued', createdAt }, taken + OFFLINE_FORWARD_LIMIT_MS)).toBe(false);
    expect(hasExpired({ status: 'queued', createdAt }, taken + OFFLINE_FORWARD_LIMIT_MS + 1)).toBe(true);
  });

  it('never expires one that may have reached the processor, or is settled', () => {
    for (const status of ['submitting', 'unknown', 'captured', 'declined'] as const) {
      expect(hasExpired({ status, createdAt }, taken + 10 * OFFLINE_FORWARD_LIMIT_MS)).toBe(false);
    }
  });
});
