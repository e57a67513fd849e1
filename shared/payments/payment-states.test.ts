import { describe, expect, it } from 'vitest';
import { isFinal, mayChange } from './payment-states';

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
