import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn, inertOutside, trapTab } from './focus';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Visually hide the title (it still names the dialog for screen readers). */
  hideTitle?: boolean;
  /** 'alertdialog' for confirmations that interrupt, such as a delete. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
  /** Clicking outside closes it (off for choices that must be made, such as a conflict). */
  dismissOnBackdrop?: boolean;
}

/**
 * A modal dialog: focus moves in (to the element marked data-autofocus, or the first control),
 * stays in while Tab cycles, Esc closes it, and focus returns to where it was on close.
 */
export function Dialog({
  title,
  onClose,
  children,
  hideTitle = false,
  role = 'dialog',
  className = '',
  dismissOnBackdrop = true,
}: DialogProps) {
  const backdrop = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const host = backdrop.current;
    const container = panel.current;
    if (!host || !container) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const restoreInert = inertOutside(host);
    const preferred = container.querySelector<HTMLElement>('[data-autofocus]');
    (preferred ?? focusableIn(container)[0] ?? container).focus();
    return () => {
      restoreInert();
      previous?.focus();
    };
  }, []);

  return createPortal(
    <div
      ref={backdrop}
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (dismissOnBackdrop && event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`dialog ${className}`}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          } else if (panel.current) {
            trapTab(event, panel.current);
          }
        }}
      >
        <h2 id={titleId} className={hideTitle ? 'visually-hidden' : 'dialog-title'}>
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
