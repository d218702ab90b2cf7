import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE = 'button:not([disabled]), select, summary, input, [tabindex]:not([tabindex="-1"])';

/** Arrow keys move between the menu's controls; Home and End jump to the ends. */
function moveFocus(panel: HTMLElement, key: string): boolean {
  const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (items.length === 0) return false;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const index =
    key === 'Home' ? 0 : key === 'End' ? items.length - 1 : (at + (key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
  items[index]?.focus();
  return true;
}

/**
 * The top bar's "More" menu: a button (aria-expanded) that shows the items that do not fit on the bar.
 * Escape or a click outside closes it, focus returning to the button; the arrow keys move between its
 * controls. NOTE: a disclosure rather than role="menu": it holds selects and settings, which a menu's
 * menuitems cannot be; screen readers announce the button's expanded state, and Tab goes on into its controls.
 */
export function MoreMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="hud-more" data-hud-more="">
      <button
        ref={button}
        type="button"
        className="button ghost"
        data-testid="hud-more"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && panel.current) {
            e.preventDefault();
            setOpen(true);
            requestAnimationFrame(() => panel.current && moveFocus(panel.current, 'Home'));
          }
        }}
      >
        {t('hud.more')}
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the handlers serve the focusable controls inside (Escape, arrows, closing after a choice). */}
      <div
        ref={panel}
        id={id}
        className="hud-more-menu"
        data-testid="hud-more-menu"
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          } else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key) && !(e.target instanceof HTMLSelectElement)) {
            if (panel.current && moveFocus(panel.current, e.key)) e.preventDefault();
          }
        }}
        onClick={(e) => {
          // NOTE: a button that opens something (Orders, Squad, Q&A) closes the menu; selects and settings keep it open.
          const target = e.target as HTMLElement;
          const control = target.closest('button, summary');
          if (control?.tagName === 'BUTTON' && !control.closest('.settings-menu')) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
