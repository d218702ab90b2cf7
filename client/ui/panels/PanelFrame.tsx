import { type KeyboardEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PanelFrameProps {
  title: string;
  testId: string;
  onClose: () => void;
  /** Extra class on the panel, e.g. a compact layout. */
  className?: string;
  /**
   * Moves keyboard focus to the close button when the panel opens (for panels opened from a button
   * elsewhere), and back to what had it (the opener) when the panel closes.
   */
  focusOnOpen?: boolean;
  children: ReactNode;
}

const isTextField = (el: EventTarget) =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

/**
 * The DOM frame every panel shares: a titled sheet with a close button. Keys typed into its fields
 * stop here, so typing "w" in the card field never walks the visitor.
 */
export function PanelFrame({ title, testId, onClose, className, focusOnOpen = false, children }: PanelFrameProps) {
  const { t } = useTranslation();
  useReturnFocus(focusOnOpen);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' && isTextField(e.target)) e.stopPropagation();
  };
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId} role="dialog" aria-label={title} onKeyDown={onKeyDown}>
      <header className="panel-header">
        <h2>{title}</h2>
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
