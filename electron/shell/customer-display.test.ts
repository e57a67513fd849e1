import { describe, expect, it } from 'vitest';
import {
  customerDisplayPlacement,
  isCustomerDisplayUrl,
  opensByItself,
  parseCustomerDisplayMode,
  type Monitor,
} from './customer-display';

const till: Monitor = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const pole: Monitor = { id: 7, workArea: { x: 1920, y: 0, width: 1024, height: 600 } };

describe('the customer display window', () => {
  it('answers only our own customer display page', () => {
    expect(isCustomerDisplayUrl('app://kassa/customer-display')).toBe(true);
    expect(isCustomerDisplayUrl('app://kassa/customer-display/')).toBe(true);
    expect(isCustomerDisplayUrl('app://kassa/index.html')).toBe(false);
    expect(isCustomerDisplayUrl('app://kassa/customer-display/../index.html')).toBe(false);
    expect(isCustomerDisplayUrl('https://evil.example/customer-display')).toBe(false);
    expect(isCustomerDisplayUrl('app://user:pw@kassa/customer-display')).toBe(false);
    expect(isCustomerDisplayUrl('not a url')).toBe(false);
  });

  it('goes full screen on the monitor that is not the till’s', () => {
    expect(customerDisplayPlacement([till, pole], 1)).toEqual({ bounds: pole.workArea, fullscreen: true });
    // The till's screen may be listed second: the choice follows the primary id, not the order.
    expect(customerDisplayPlacement([pole, till], 1)).toEqual({ bounds: pole.workArea, fullscreen: true });
  });

  it('is a window in the top right corner of the only screen, never larger than it', () => {
    expect(customerDisplayPlacement([till], 1)).toEqual({ bounds: { x: 1120, y: 0, width: 800, height: 600 }, fullscreen: false });
    const small: Monitor = { id: 1, workArea: { x: 0, y: 24, width: 640, height: 480 } };
    expect(customerDisplayPlacement([small], 1)).toEqual({ bounds: { x: 0, y: 24, width: 640, height: 480 }, fullscreen: false });
    expect(customerDisplayPlacement([], 1).fullscreen).toBe(false);
  });

  it('opens by itself with a second screen in auto mode, always when on, never when off', () => {
    expect([1, 2].map((n) => opensByItself('auto', n))).toEqual([false, true]);
    expect([1, 2].map((n) => opensByItself('on', n))).toEqual([true, true]);
    expect([1, 2].map((n) => opensByItself('off', n))).toEqual([false, false]);
  });

  it('reads its mode from the environment and names a bad value', () => {
    expect(parseCustomerDisplayMode(undefined)).toBe('auto');
    expect(parseCustomerDisplayMode(' OFF ')).toBe('off');
    expect(() => parseCustomerDisplayMode('second')).toThrow(/KASSA_CUSTOMER_DISPLAY must be auto, on or off \(got "second"\)/);
  });
});
