/** Command-line flags shared by `npm run server` and `npm run server:setup`. */
import type { TerminalAccount } from './setup-backend';

export function flagValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export function wholeNumberFlag(value: string | undefined, what: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new Error(`${what} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** `--terminal T2 --password pw --manager --terminal T3 …`: each --terminal starts an account; the flags after it belong to it. */
export function terminalFlags(argv: readonly string[]): TerminalAccount[] {
  const accounts: TerminalAccount[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--terminal') {
      const terminalId = value();
      if (!terminalId) throw new Error('--terminal needs a terminal id, e.g. --terminal T2');
      accounts.push({ terminalId });
    } else if (name === '--password' || name === '--manager') {
      const current = accounts.at(-1);
      if (!current) throw new Error(`${name} belongs after the --terminal it is for`);
      if (name === '--manager') current.manager = true;
      else current.password = value();
    }
  }
  return accounts;
}
