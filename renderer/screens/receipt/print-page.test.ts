import { describe, expect, it } from 'vitest';
import { pageRule } from './print-page';

describe('pageRule', () => {
  it('makes an 80 mm page as long as the receipt plus a little feed', () => {
    // 96 CSS px are one inch: 378 px ≈ 100 mm.
    expect(pageRule(378)).toBe('@page { size: 80mm 105mm; margin: 0; }');
  });
  it('never goes below a minimum length', () => {
    expect(pageRule(10)).toBe('@page { size: 80mm 60mm; margin: 0; }');
  });
});
