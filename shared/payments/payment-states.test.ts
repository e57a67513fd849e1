import { describe, expect, it } from 'vitest';
import { hasExpired, OFFLINE_FORWARD_LIMIT_MS } from './payment-states';

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
