import { type KeyboardEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wrapTab } from './focusTrap.ts';

export interface PanelFrameProps {
  title: string;
  testId: string;
  onClose: () => void;
  /** Extra class on the panel, e.g. a compact layout. */
  className?: string;
  /**
   * Moves keyboard focus to the close button when the panel opens, and back to what had it (the
   * opener) when the panel closes. On by default: a keyboard or screen-reader visitor lands in the
   * dialog they opened.
   */
  focusOnOpen?: boolean;
  children: ReactNode;
}

const isTextField = (el: EventTarget) =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

/**
 * The DOM frame every panel shares: a modal dialog titled by its heading, with a close button. Keys
 * typed into its fields stop here, so typing "w" in the card field never walks the visitor; Tab
 * stays inside it (Escape closes it, see Panels).
 */
export function PanelFrame({ title, testId, onClose, className, focusOnOpen = true, children }: PanelFrameProps) {
  const { t } = useTranslation();
  const titleId = useId();
  useReturnFocus(focusOnOpen);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (wrapTab(e.currentTarget, e)) return;
    if (e.key !== 'Escape' && isTextField(e.target)) e.stopPropagation();
  };
  return (
    <section
      className={`panel ${className ?? ''}`}
      data-testid={testId}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <header className="panel-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="icon-button"
          data-testid="panel-close"
          aria-label={t('panel.close')}
          // biome-ignore lint/a11y/noAutofocus: the panel is a dialog opened by the visitor; focus follows it there.
          autoFocus={focusOnOpen}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

/**
 * Remembers what had the focus when a focus-taking panel opened and gives it back when the panel
 * closes, if it is still on the page (a dialog's usual courtesy to keyboard and screen-reader users).
 * NOTE: read while rendering: by the time any effect runs, `autoFocus` has moved the focus to the close button.
 */
function useReturnFocus(enabled: boolean): void {
  const [opener] = useState(() => (enabled && typeof document !== 'undefined' ? document.activeElement : null));
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
    },
    [opener],
  );
}
