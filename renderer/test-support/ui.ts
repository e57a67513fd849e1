/**
 * The people and devices at a till, for component tests: a person types key by key at a person's pace, a
 * keyboard-wedge barcode scanner types a whole code in a burst and presses Enter. Each key is a real keydown →
 * keypress → (the browser's own action: text, submit, click, closing a dialog) → keyup, dispatched to whatever has
 * focus, because that is what the screens listen to. A dispatched event does nothing by itself in a DOM, so the
 * browser's part is played here, and only when no listener cancelled the key: a swallowed key types nothing.
 *
 * Events carry timestamps from a clock of their own, so "150 ms a key" and "8 ms a key" are exact and cost no
 * waiting: the scanner detector (commands/scan-detector.ts) judges keys by `event.timeStamp` alone.
 */
import { act } from '@testing-library/react';

/** A person's pace: even a quick typist leaves 100 ms and more between keys. */
export const PERSON_MS_PER_KEY = 150;
/** A scanner's pace: a few milliseconds a key, Enter included. */
export const SCANNER_MS_PER_KEY = 8;
/** Between two separate actions (a scan, then some typing): longer than any burst's pause. */
const BETWEEN_ACTIONS_MS = 2_000;

let clock = 0;

interface Modifiers {
  ctrlKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  metaKey?: boolean;
}

function focused(): HTMLElement {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active : document.body;
}

function codeOf(key: string): string {
  if (/^\d$/.test(key)) return `Digit${key}`;
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  return key === ' ' ? 'Space' : key;
}

function keyEvent(type: 'keydown' | 'keypress' | 'keyup', key: string, at: number, modifiers: Modifiers): KeyboardEvent {
  const event = new KeyboardEvent(type, { key, code: codeOf(key), bubbles: true, cancelable: true, composed: true, ...modifiers });
  // Read-only in the DOM's types; the scanner detector reads it, so it must be the test's clock.
  Object.defineProperty(event, 'timeStamp', { value: at });
  return event;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', '']);

function takesText(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return !element.disabled && !element.readOnly;
  return element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type) && !element.disabled && !element.readOnly;
}

/**
 * Sets a field's value the way the browser does, under React's value tracking (which watches the element's own
 * `value` setter), so React sees a change and calls onChange.
 */
function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')?.set;
  if (!setter) throw new Error(`ui: cannot set the value of ${element.tagName}`);
  setter.call(element, value);
}

function editText(field: HTMLInputElement | HTMLTextAreaElement, edit: (before: string, start: number, end: number) => [string, number], inputType: string, data: string | null): void {
  const value = field.value;
  const start = field.selectionStart ?? value.length;
  const end = field.selectionEnd ?? start;
  const [next, caret] = edit(value, start, end);
  if (next === value) return;
  setNativeValue(field, next);
  field.setSelectionRange?.(caret, caret);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data }));
}

/** A closed <select> moves to the next option (after the chosen one, wrapping) whose text starts with the letter. */
function typeIntoSelect(select: HTMLSelectElement, key: string): void {
  const options = [...select.options];
  const from = select.selectedIndex;
  const inTurn = [...options.slice(from + 1), ...options.slice(0, from + 1)].filter((o) => !o.disabled);
  const match = inTurn.find((o) => o.text.trim().toLowerCase().startsWith(key.toLowerCase()));
  if (!match || match.value === select.value) return;
  setNativeValue(select, match.value);
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Enter in a form's text field: the form's default button is clicked, and a disabled one submits nothing. */
function submitImplicitly(field: HTMLInputElement): void {
  const form = field.form;
  if (!form) return;
  const defaultButton = [...form.elements].find(
    (e): e is HTMLButtonElement | HTMLInputElement =>
      (e instanceof HTMLButtonElement && e.type === 'submit') || (e instanceof HTMLInputElement && e.type === 'submit'),
  );
  if (defaultButton) {
    if (!defaultButton.disabled) defaultButton.click();
    return;
  }
  const textFields = [...form.elements].filter((e) => e instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(e.type));
  if (textFields.length === 1) form.requestSubmit();
}

function topDialog(): HTMLDialogElement | null {
  const open = [...document.querySelectorAll('dialog')].filter((d) => d.open);
  return open.at(-1) ?? null;
}

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]';

function tabOrder(): HTMLElement[] {
  const scope: ParentNode = topDialog() ?? document;
  return [...scope.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (e) => !(e as HTMLButtonElement).disabled && e.tabIndex >= 0 && !e.closest('[inert]'),
  );
}

/** What the browser does with a key nobody cancelled. */
function browserAction(target: HTMLElement, key: string, at: number, modifiers: Modifiers): void {
  if (modifiers.ctrlKey || modifiers.altKey || modifiers.metaKey) return;
  if (key.length === 1) {
    if (!target.dispatchEvent(keyEvent('keypress', key, at, modifiers))) return;
    if (takesText(target)) editText(target, (v, s, e) => [v.slice(0, s) + key + v.slice(e), s + 1], 'insertText', key);
    else if (target instanceof HTMLSelectElement) typeIntoSelect(target, key);
    else if (key === ' ' && (target instanceof HTMLButtonElement || target instanceof HTMLInputElement)) target.click();
    return;
  }
  switch (key) {
    case 'Enter':
      if (!target.dispatchEvent(keyEvent('keypress', key, at, modifiers))) return;
      if (target instanceof HTMLInputElement && takesText(target)) submitImplicitly(target);
      else if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) target.click();
      return;
    case 'Backspace':
      if (takesText(target)) editText(target, (v, s, e) => (s !== e ? [v.slice(0, s) + v.slice(e), s] : [v.slice(0, Math.max(0, s - 1)) + v.slice(s), Math.max(0, s - 1)]), 'deleteContentBackward', null);
      return;
    case 'Escape': {
      // The browser closes the top modal dialog, after asking it (`cancel`) whether it may.
      const dialog = topDialog();
      if (dialog && dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
      return;
    }
    case 'Tab': {
      const order = tabOrder();
      if (order.length === 0) return;
      const at = order.indexOf(target);
      const step = modifiers.shiftKey ? -1 : 1;
      order[(at + step + order.length) % order.length]!.focus();
      return;
    }
  }
}

async function key(name: string, at: number, modifiers: Modifiers = {}): Promise<void> {
  await act(async () => {
    const target = focused();
    if (target.dispatchEvent(keyEvent('keydown', name, at, modifiers))) browserAction(target, name, at, modifiers);
    focused().dispatchEvent(keyEvent('keyup', name, at, modifiers));
  });
}

/** Splits "12.50{Enter}" into keys: braces name a key that types no character. */
function keysOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}|([\s\S])/gu)].map((m) => m[1] ?? m[2]!);
}

/** Keys one after another, `msPerKey` apart; the first comes after a pause, as a new action does. */
async function typeKeys(keys: string[], msPerKey: number): Promise<void> {
  clock += BETWEEN_ACTIONS_MS;
  for (const [i, k] of keys.entries()) await key(k, clock + i * msPerKey);
  clock += keys.length * msPerKey;
}

/** A person at the till's keyboard, typing into whatever has focus. */
export const person = {
  /** Types text key by key; `{Enter}`, `{Escape}`, `{Tab}`, `{Backspace}`, `{F2}`… press the named key. */
  type: (text: string) => typeKeys(keysOf(text), PERSON_MS_PER_KEY),
  /** One key, with modifiers if any: `press('F2')`, `press('Tab', { shiftKey: true })`. */
  press: async (name: string, modifiers: Modifiers = {}) => {
    clock += BETWEEN_ACTIONS_MS;
    await key(name, clock, modifiers);
  },
  /** Clicks (or taps) what the test found by role or label, as long as a person could: not when disabled. */
  click: async (element: HTMLElement) => {
    if ((element as HTMLButtonElement).disabled) throw new Error(`ui: "${element.textContent}" is disabled; a person cannot click it`);
    await act(async () => {
      element.focus();
      element.click();
    });
  },
};

/** A keyboard-wedge barcode scanner: the code's characters in a burst, then Enter. */
export const scanner = {
  scan: (code: string) => typeKeys([...code, 'Enter'], SCANNER_MS_PER_KEY),
};
