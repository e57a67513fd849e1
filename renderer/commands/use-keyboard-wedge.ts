/**
 * Listens to the whole window for a keyboard-wedge scanner and for till shortcuts. A burst that ends in Enter is
 * a scan (its Enter never reaches the focused control); keys inside a burst are never shortcuts; anything else
 * goes to `onKey`. Text fields keep their keys, except the one field named as the scan field (the search box).
 */
import { useEffect, useRef } from 'react';
import { createScanDetector } from './scan-detector';

export interface KeyboardWedgeOptions {
  /** Read at each key: scanning rests while, for example, a dialog is open. */
  scanEnabled: () => boolean;
  /** What counts as a code on this screen; other bursts keep their Enter. */
  accept: (code: string) => boolean;
  onScan: (code: string, target: EventTarget | null) => void;
  /** A text field where a scan still counts (its typed characters are the code). */
  scanField?: () => HTMLElement | null;
  /** Shortcuts: return true when the key was used, so its default action is cancelled. */
  onKey?: (event: KeyboardEvent, inTextField: boolean) => boolean;
}

const NOT_TEXT = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

export function useKeyboardWedge(options: KeyboardWedgeOptions): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const detector = createScanDetector({ accept: (code) => latest.current.accept(code) });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.repeat) return;
      const { scanEnabled, onScan, scanField, onKey } = latest.current;
      const inTextField = isTextField(event.target);
      if (scanEnabled() && (!inTextField || event.target === scanField?.())) {
        const verdict = detector.key(event.key, event.timeStamp);
        if (verdict.kind === 'scan') {
          event.preventDefault();
          event.stopPropagation();
          onScan(verdict.code, event.target);
          return;
        }
        if (verdict.kind === 'burst') return;
      } else {
        detector.reset();
      }
      if (onKey?.(event, inTextField)) event.preventDefault();
    };
    // Capture: the scan's Enter must be taken before the focused control acts on it.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
