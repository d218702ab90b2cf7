import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHudModel } from './useHudModel.ts';
import { HUD_ITEMS } from './hudItems.tsx';
import { useBarOverflow } from './useBarOverflow.ts';
import { MoreMenu } from './MoreMenu.tsx';
import { EventExtrasDock } from '../drop/EventExtrasDock.tsx';

const coarsePointer = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/**
 * Keeps `--hud-bottom` on the page root at the HUD's lower edge in px: panels, the chat dock and notices
 * hang below it by this variable instead of a fixed offset, so nothing covers a HUD button.
 */
function useHudBottom(header: React.RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = header.current;
    if (!el) return;
    const root = document.documentElement;
    const write = () => root.style.setProperty('--hud-bottom', `${Math.ceil(el.getBoundingClientRect().bottom)}px`);
    write();
    const observer = new ResizeObserver(write);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--hud-bottom');
    };
  }, [header]);
}

/**
 * The HUD's DOM skin: one row of items (HUD_ITEMS: status, the next launch, language/currency, orders,
 * cart…) with a "More" menu for those that do not fit.
 */
export function Hud() {
  const { t } = useTranslation();
  const m = useHudModel();
  const header = useRef<HTMLElement>(null);
  useHudBottom(header);
  const { bar, more } = useBarOverflow(header, HUD_ITEMS);
  const onBar = new Set(bar);
  const item = (id: string) => HUD_ITEMS.find((i) => i.id === id);
  const barItem = (side: 'start' | 'end') =>
    HUD_ITEMS.filter((i) => i.side === side && onBar.has(i.id) && i.id !== 'cart').map((i) => (
      <div key={i.id} className="hud-item" data-hud-item={i.id}>
        {i.render(m)}
      </div>
    ));
  const cart = item('cart');
  return (
    <>
      <header className="hud" data-testid="hud" data-overflow={more.length} ref={header}>
        {barItem('start')}
        <span className="spacer" />
        {barItem('end')}
        {more.length > 0 && (
          <MoreMenu>
            {more.map((id) => (
              <div key={id} className="hud-menu-item" data-hud-menu-item={id}>
                {item(id)?.render(m)}
              </div>
            ))}
          </MoreMenu>
        )}
        {cart && (
          <div className="hud-item" data-hud-item="cart">
            {cart.render(m)}
          </div>
        )}
      </header>
      <EventExtrasDock />
    </>
  );
}

/** The controls hint; App.tsx places it in the main landmark (the top bar is the page's one banner). */
export function ControlsHint() {
  const { t } = useTranslation();
  return (
    <p className="hint" data-testid="hud-hint">
      {coarsePointer() ? t('hud.hintTouch') : t('hud.hint')}
    </p>
  );
}
