"use client";

import { useId, useRef, type ReactNode } from "react";

type Props = {
  /** The button that would submit the surrounding form. */
  trigger: ReactNode;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  triggerClassName?: string;
};

/**
 * Asks before a consequential submit. The trigger is a real submit button: without JavaScript
 * the form submits directly; with it, a modal <dialog> (focus trapped, Escape cancels) asks first.
 */
export function ConfirmDialog({ trigger, title, body, confirmLabel, cancelLabel, triggerClassName }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // A page may hold many dialogs (one per row of a table): their ids must differ.
  const id = useId();
  return (
    <>
      <button
        type="submit"
        ref={triggerRef}
        className={triggerClassName}
        onClick={(event) => {
          event.preventDefault();
          dialog.current?.showModal();
          // Start on the harmless choice: Enter on a stray key press must not confirm.
          cancelRef.current?.focus();
        }}
      >
        {trigger}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        <div className="dialog__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              dialog.current?.close();
              triggerRef.current?.form?.requestSubmit();
            }}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button button--secondary" ref={cancelRef} onClick={() => dialog.current?.close()}>
            {cancelLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
