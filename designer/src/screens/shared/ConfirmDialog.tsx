// A modal question (native <dialog>: focus moves in, Escape cancels, focus returns to the opener).
import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n.ts';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Why confirming is not possible now (shown, and the button disabled). */
  disabledReason?: string | undefined;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  disabledReason,
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!disabledReason && !busy) onConfirm();
        }}
      >
        <h2 id="confirm-dialog-title">{title}</h2>
        {children}
        {disabledReason ? (
          <p className="message message-error" id="confirm-dialog-reason">
            ⛔ {disabledReason}
          </p>
        ) : null}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={Boolean(disabledReason) || busy}
            aria-describedby={disabledReason ? 'confirm-dialog-reason' : undefined}
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
