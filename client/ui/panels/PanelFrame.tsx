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
   * opener) when the panel closes. Left out, it does so when the panel was opened from a page control
   * (see `openedFromPage`): a keyboard or screen-reader visitor lands in the dialog they opened.
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
export function PanelFrame({ title, testId, onClose, className, focusOnOpen, children }: PanelFrameProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const takesFocus = useReturnFocus(focusOnOpen);
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
          autoFocus={takesFocus}
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
 * Whether the focus was on a control of the page (a HUD button, a list's link) when a panel opened.
 * NOTE: not when a 3D product was clicked or an in-world button pressed in a headset (the focus is on
 * the page's body then, or on the hidden input that brings up a headset's keyboard, aria-hidden): the
 * focus stays where it is rather than jump to a button nobody sees.
 */
function openedFromPage(el: Element | null): boolean {
  return el instanceof HTMLElement && el !== document.body && el.closest('[aria-hidden="true"]') === null;
}

/**
 * Decides whether a panel takes the focus as it opens; when it does, remembers what had it and gives
 * it back when the panel closes, if still on the page (a dialog's usual courtesy to keyboard and
 * screen-reader users). Returns whether it takes the focus.
 * NOTE: read while rendering: by the time any effect runs, `autoFocus` has moved the focus to the close button.
 */
function useReturnFocus(wanted: boolean | undefined): boolean {
  const [opener] = useState(() => {
    if (typeof document === 'undefined' || wanted === false) return null;
    const active = document.activeElement;
    return wanted === true || openedFromPage(active) ? active : null;
  });
  const enabled = wanted === true || opener !== null;
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
    },
    [opener],
  );
  return enabled;
}
