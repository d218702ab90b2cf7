import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PanelFrameProps {
  title: string;
  testId: string;
  onClose: () => void;
  /** Extra class on the panel, e.g. a compact layout. */
  className?: string;
  /** Moves keyboard focus to the close button when the panel opens (for panels opened from a button elsewhere). */
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
