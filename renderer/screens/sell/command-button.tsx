/** A button bound to a till command: its label, its shortcut shown as a keycap, disabled when it may not run. */
import type { ReactNode } from 'react';
import { ariaKeyShortcuts } from '../../commands/command-manager';
import { tillCommands, type TillButtonCommand } from './till-commands';
import { useSell, useSellSession } from './sell-session';

interface CommandButtonProps {
  name: TillButtonCommand;
  className?: string;
  /** Replaces the table's label on screen and as the accessible name. */
  label?: string;
  children?: ReactNode;
}

export function CommandButton({ name, className, label, children }: CommandButtonProps) {
  const { run, can } = useSellSession();
  const enabled = useSell((state) => can(name, state));
  const command = tillCommands.get(name);
  const hint = command.shortcut?.hint;
  return (
    <button
      type="button"
      className={['command-button', className].filter(Boolean).join(' ')}
      disabled={!enabled}
      onClick={() => run(name)}
      aria-keyshortcuts={ariaKeyShortcuts(command.shortcut)}
    >
      <span className="command-label">{label ?? command.label}</span>
      {children}
      {hint ? (
        <kbd className="keycap" aria-hidden="true">
          {hint}
        </kbd>
      ) : null}
    </button>
  );
}
