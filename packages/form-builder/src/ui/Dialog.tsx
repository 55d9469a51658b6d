import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal dialog on the native <dialog>: the page behind is inert (focus cannot leave it), Escape
 * closes it, focus goes to the first field on opening and back to where it was on closing.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  closable = true,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** False for dialogs that must be answered (the re-sign-in); Escape then cancels via onClose. */
  closable?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const first = dialog.querySelector<HTMLElement>(
      'input:not([type=hidden]):not([disabled]), textarea, select, button:not([data-dialog-close])',
    );
    first?.focus();
    return () => {
      if (dialog.open) {
        if (typeof dialog.close === 'function') dialog.close();
        else dialog.removeAttribute('open');
      }
      before?.focus();
    };
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        {closable ? (
          <button
            type="button"
            className="icon-button"
            data-dialog-close
            aria-label="×"
            onClick={onClose}
          >
            ×
          </button>
        ) : null}
      </div>
      {children}
    </dialog>
  );
}
