/**
 * Till commands in the shape of a table: each has a name, a label, a shortcut, a predicate ("may it run now?")
 * and `perform`. One manager runs them from the keyboard, buttons, touch and the scanner alike, so every path
 * obeys the same predicate. Pure: no DOM, so the table is tested without a mouse or a browser.
 */

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger the command, e.g. ['F1', '/']. */
  keys: readonly string[];
  /** What the screen shows next to the label, e.g. "F1 or /". */
  hint: string;
}

/**
 * `Arg` is what a command acts on beyond the context, for the few that need it (a scan needs its code). Such a
 * command has no shortcut: a key press carries nothing to hand it.
 */
export interface TillCommand<Ctx, Arg = void> {
  name: string;
  label: string;
  shortcut: Shortcut | null;
  predicate: (ctx: Ctx) => boolean;
  perform: (ctx: Ctx, arg: Arg) => void;
}

// `any` lets one table hold commands with and without an argument; `run` gives each its own type back.
type AnyCommand<Ctx> = TillCommand<Ctx, any>;
type Table<Ctx> = readonly AnyCommand<Ctx>[];

/** The context a table's commands read (every predicate takes the same one). */
export type CommandContext<T extends Table<never>> = Parameters<T[number]['predicate']>[0];

/** The names a table defines: a name it does not define does not compile. */
export type CommandName<T extends Table<never>> = T[number]['name'];

/** What `run` takes after the context: nothing, or the command's argument. */
export type CommandArgs<T extends Table<never>, N extends CommandName<T>> =
  Extract<T[number], { name: N }> extends { perform: (ctx: never, ...args: infer A) => void } ? A : never;

/** The commands that need nothing beyond the context: what a button can run. */
export type PlainCommandName<T extends Table<never>> = { [N in CommandName<T>]: CommandArgs<T, N> extends [] ? N : never }[CommandName<T>];

/** The parts of a KeyboardEvent the manager needs, plus where focus is. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Focus is in a field that takes text: only function keys and Escape may act as shortcuts there. */
  inTextField: boolean;
}

export interface CommandManager<T extends Table<never>, Ctx = CommandContext<T>> {
  readonly commands: T;
  get(name: CommandName<T>): T[number];
  canRun(name: CommandName<T>, ctx: Ctx): boolean;
  /** Runs the command if its predicate allows; says whether it ran. */
  run<N extends CommandName<T>>(name: N, ctx: Ctx, ...args: CommandArgs<T, N>): boolean;
  /** Runs the first command whose shortcut matches and whose predicate allows; returns it, or null. */
  handleKey(press: KeyPress, ctx: Ctx): T[number] | null;
}

/** F1–F12 and Escape never type text, so they work wherever focus is. */
export function worksInTextField(key: string): boolean {
  return /^F([1-9]|1[0-2])$/.test(key) || key === 'Escape';
}

export function shortcut(...keys: string[]): Shortcut {
  return { keys, hint: keys.map(keyLabel).join(' or ') };
}

const KEY_LABELS: Record<string, string> = { Delete: 'Del', Escape: 'Esc', ArrowUp: '↑', ArrowDown: '↓', '-': '−' };

export function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? key;
}

/** The shortcut for `aria-keyshortcuts` ("F1 /"); "+" is a combination mark there, so it is spelled "Plus". */
export function ariaKeyShortcuts(value: Shortcut | null): string | undefined {
  return value ? value.keys.map((k) => (k === '+' ? 'Plus' : k)).join(' ') : undefined;
}

export function createCommandManager<const T extends Table<never>>(commands: T): CommandManager<T> {
  type Ctx = CommandContext<T>;
  const byName = new Map<string, T[number]>(commands.map((c) => [c.name, c] as const));
  if (byName.size !== commands.length) throw new Error('Till commands: two commands share a name');
  const claimed = new Map<string, string>();
  for (const c of commands) {
    for (const key of c.shortcut?.keys ?? []) {
      const other = claimed.get(key);
      if (other) throw new Error(`Till commands: "${c.name}" and "${other}" both use the key ${key}`);
      claimed.set(key, c.name);
    }
  }

  // Names are checked when the code compiles; this catches a name built at run time.
  const get = (name: string): T[number] => {
    const command = byName.get(name);
    if (!command) throw new Error(`Till commands: no command called "${name}"`);
    return command;
  };
  const canRun = (name: string, ctx: Ctx): boolean => get(name).predicate(ctx);

  return {
    commands,
    get,
    canRun,
    run(name, ctx, ...args) {
      if (!canRun(name, ctx)) return false;
      get(name).perform(ctx, args[0]);
      return true;
    },
    handleKey(press, ctx) {
      // Ctrl/Alt/Meta combinations belong to the browser and the OS (copy, paste, zoom).
      if (press.ctrlKey || press.altKey || press.metaKey) return null;
      if (press.inTextField && !worksInTextField(press.key)) return null;
      const name = claimed.get(press.key);
      if (!name) return null;
      const command = get(name);
      if (!command.predicate(ctx)) return null;
      command.perform(ctx, undefined);
      return command;
    },
  };
}
