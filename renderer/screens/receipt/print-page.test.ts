import { describe, expect, it } from 'vitest';
import { RECEIPT_PAGE_LIMITS } from '../../../shared/api/transport';
import { pageRule, receiptLengthMm } from './print-page';

describe('the receipt page', () => {
  it('is as long as the receipt plus a little feed', () => {
    // 96 CSS px are one inch: 378 px ≈ 100.0 mm, rounded up, + 4 mm feed.
    expect(receiptLengthMm(378)).toBe(105);
    expect(pageRule(105)).toBe('@page { size: 80mm 105mm; margin: 0; }');
  });
  it('never goes below a minimum length, nor above what main accepts', () => {
    expect(receiptLengthMm(10)).toBe(60);
    expect(receiptLengthMm(1e9)).toBe(RECEIPT_PAGE_LIMITS.maxLengthMm);
    expect(receiptLengthMm(10)).toBeGreaterThanOrEqual(RECEIPT_PAGE_LIMITS.minLengthMm);
  });
});
