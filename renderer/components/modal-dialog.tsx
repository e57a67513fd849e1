/**
 * A modal dialog on the native <dialog>: the browser traps focus, dims the page and closes it on Esc. It opens
 * when mounted and closes when unmounted, so screens open a dialog by rendering it. Focus goes to the element
 * marked `data-autofocus`, else to the first control.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

let openModals = 0;

/**
 * Whether a modal dialog has the keyboard: the till's shortcuts and scanner rest meanwhile. Counted here, where
 * every modal opens, rather than asked of the DOM with `:modal`, which not every DOM implementation knows.
 */
export function modalDialogOpen(): boolean {
  return openModals > 0;
}

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

export function ModalDialog({ title, onClose, children, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    openModals += 1;
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      openModals -= 1;
      dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={['modal', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Esc: the screen decides (it unmounts the dialog); the browser must not close it behind React's back.
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

interface FormActionsProps {
  /** The submit button's label (the dialog's form submits on Enter too). */
  submitLabel: ReactNode;
  busy: boolean;
  onCancel: () => void;
  /** Buttons between submit and Cancel. */
  children?: ReactNode;
}

/** A dialog form's buttons: submit first, Cancel last, submit disabled while the command runs. */
export function FormActions({ submitLabel, busy, onCancel, children }: FormActionsProps) {
  return (
    <div className="dialog-actions">
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
      {children}
      <button type="button" className="button-secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
