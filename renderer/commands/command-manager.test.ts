import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, createCommandManager, keyLabel, shortcut, worksInTextField, type KeyPress, type TillCommand } from './command-manager';

interface Ctx {
  open: boolean;
  log: string[];
}

const commands: TillCommand<Ctx>[] = [
  { name: 'pay', label: 'Pay', shortcut: shortcut('F2'), predicate: (c) => c.open, perform: (c) => c.log.push('pay') },
  { name: 'remove', label: 'Remove', shortcut: shortcut('Delete'), predicate: () => true, perform: (c) => c.log.push('remove') },
  { name: 'search', label: 'Search', shortcut: shortcut('F1', '/'), predicate: () => true, perform: (c) => c.log.push('search') },
  { name: 'help', label: 'Help', shortcut: null, predicate: () => true, perform: (c) => c.log.push('help') },
];

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, inTextField: false, ...more });

describe('createCommandManager', () => {
  it('runs the command whose shortcut matches, if its predicate allows', () => {
    const m = createCommandManager(commands);
    const ctx: Ctx = { open: true, log: [] };
    expect(m.handleKey(press('F2'), ctx)?.name).toBe('pay');
    expect(m.handleKey(press('/'), ctx)?.name).toBe('search');
    expect(m.handleKey(press('F9'), ctx)).toBeNull();
    ctx.open = false;
    expect(m.handleKey(press('F2'), ctx)).toBeNull();
    expect(ctx.log).toEqual(['pay', 'search']);
  });

  it('in a text field lets only function keys and Escape through', () => {
    const m = createCommandManager(commands);
    const ctx: Ctx = { open: true, log: [] };
    expect(m.handleKey(press('Delete', { inTextField: true }), ctx)).toBeNull();
    expect(m.handleKey(press('/', { inTextField: true }), ctx)).toBeNull();
    expect(m.handleKey(press('F1', { inTextField: true }), ctx)?.name).toBe('search');
  });

  it('leaves Ctrl, Alt and Meta combinations to the browser', () => {
    const m = createCommandManager(commands);
    const ctx: Ctx = { open: true, log: [] };
    expect(m.handleKey(press('F2', { ctrlKey: true }), ctx)).toBeNull();
    expect(m.handleKey(press('Delete', { altKey: true }), ctx)).toBeNull();
    expect(ctx.log).toEqual([]);
  });

  it('runs commands by name for buttons, with the same predicate', () => {
    const m = createCommandManager(commands);
    const ctx: Ctx = { open: false, log: [] };
    expect(m.canRun('pay', ctx)).toBe(false);
    expect(m.run('pay', ctx)).toBe(false);
    expect(m.run('help', ctx)).toBe(true);
    expect(ctx.log).toEqual(['help']);
    expect(() => m.get('nope')).toThrow(/no command/);
  });

  it('refuses a table where two commands share a key or a name', () => {
    const clash = { ...commands[0]!, name: 'other' };
    expect(() => createCommandManager([...commands, clash])).toThrow(/both use the key F2/);
    expect(() => createCommandManager([...commands, { ...commands[3]! }])).toThrow(/share a name/);
  });
});

describe('shortcut hints', () => {
  it('names keys the way the keycaps do', () => {
    expect(shortcut('F1', '/').hint).toBe('F1 or /');
    expect(shortcut('Delete').hint).toBe('Del');
    expect(keyLabel('Escape')).toBe('Esc');
    expect(worksInTextField('F12')).toBe(true);
    expect(worksInTextField('F13')).toBe(false);
    expect(worksInTextField('+')).toBe(false);
    expect(ariaKeyShortcuts(shortcut('F1', '/'))).toBe('F1 /');
    expect(ariaKeyShortcuts(shortcut('+'))).toBe('Plus');
    expect(ariaKeyShortcuts(null)).toBeUndefined();
  });
});
