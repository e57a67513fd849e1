import { describe, expect, it } from 'vitest';
import { createScanDetector, isCodeCharacter, median, type KeyVerdict } from './scan-detector';

/** Feeds keys `gapMs` apart starting at `start`; returns every verdict. */
function feed(keys: string[], gapMs: number, detector = createScanDetector(), start = 1000): KeyVerdict[] {
  return keys.map((key, i) => detector.key(key, start + i * gapMs));
}

const typed = (code: string) => [...code, 'Enter'];

describe('createScanDetector', () => {
  it('reports a fast burst of digits ending in Enter as a scan of those digits', () => {
    const verdicts = feed(typed('4006381333931'), 8);
    expect(verdicts.at(-1)).toEqual({ kind: 'scan', code: '4006381333931' });
    // The first key cannot be known to be a scan; the rest are marked as part of the burst.
    expect(verdicts[0]).toEqual({ kind: 'key' });
    expect(verdicts.slice(1, -1).every((v) => v.kind === 'burst')).toBe(true);
  });

  it('does not take a person typing the same digits as a scan', () => {
    const verdicts = feed(typed('4006381333931'), 120);
    expect(verdicts.every((v) => v.kind === 'key')).toBe(true);
  });

  it('does not take a quick typist with a few fast key pairs as a scanner', () => {
    const d = createScanDetector();
    const times = [0, 30, 140, 170, 290, 400];
    const verdicts = [...'milk', '5', 'Enter'].map((k, i) => d.key(k, times[i]!));
    expect(verdicts.at(-1)).toEqual({ kind: 'key' });
  });

  it('keeps a scan whole when the page holds up one key event', () => {
    const d = createScanDetector();
    const verdicts = [d.key('4', 0), d.key('0', 240), ...feed(typed('06381333931'), 10, d, 250)];
    expect(verdicts.at(-1)).toEqual({ kind: 'scan', code: '4006381333931' });
  });

  it('starts again after a long pause', () => {
    const d = createScanDetector();
    feed(['1', '2', '3'], 10, d, 0);
    expect(d.key('4', 1000)).toEqual({ kind: 'key' });
    expect(feed(typed('5678'), 10, d, 1010).at(-1)).toEqual({ kind: 'scan', code: '45678' });
  });

  it('needs the Enter to come quickly too', () => {
    const d = createScanDetector();
    feed([...'12345678'], 10, d, 0);
    expect(d.key('Enter', 70 + 600)).toEqual({ kind: 'key' });
  });

  it('ignores bursts shorter than the minimum length', () => {
    expect(feed(typed('12'), 5).at(-1)).toEqual({ kind: 'key' });
    expect(feed(typed('1234'), 5).at(-1)).toEqual({ kind: 'scan', code: '1234' });
  });

  it('reads Code 128 receipt numbers with capitals, letting Shift pass', () => {
    const keys = ['Shift', 'T', '1', '-', '0', '0', '0', '0', '4', '2', 'Enter'];
    expect(feed(keys, 4).at(-1)).toEqual({ kind: 'scan', code: 'T1-000042' });
  });

  it('lets the screen say what counts as a code; anything else keeps its Enter', () => {
    const digitsOnly = () => createScanDetector({ accept: (code) => /^\d+$/.test(code) });
    expect(feed(typed('T1-000042'), 4, digitsOnly()).at(-1)).toEqual({ kind: 'key' });
    expect(feed(typed('40063813'), 4, digitsOnly()).at(-1)).toEqual({ kind: 'scan', code: '40063813' });
  });

  it('forgets the burst on any other key, after a scan, and when reset', () => {
    const d = createScanDetector();
    feed([...'1234', 'Backspace'], 5, d, 0);
    expect(d.key('Enter', 30)).toEqual({ kind: 'key' });
    feed(typed('98765'), 5, d, 100);
    expect(d.key('Enter', 135)).toEqual({ kind: 'key' });
    feed([...'12345'], 5, d, 200);
    d.reset();
    expect(d.key('Enter', 230)).toEqual({ kind: 'key' });
  });
});

describe('helpers', () => {
  it('isCodeCharacter accepts printable ASCII but not space, named keys or other scripts', () => {
    expect(['0', 'A', '-', '/'].map(isCodeCharacter)).toEqual([true, true, true, true]);
    expect([' ', 'Enter', 'F2', 'é', ''].map(isCodeCharacter)).toEqual([false, false, false, false, false]);
  });
  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(Number.POSITIVE_INFINITY);
  });
});
