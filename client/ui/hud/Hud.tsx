import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/money.ts';
import type { Locale } from '../../../shared/i18nText.ts';
import { useHudModel } from './useHudModel.ts';
import { XrEntryButtons } from '../entry/XrEntryButtons.tsx';
import { SettingsMenu } from '../comfort/SettingsMenu.tsx';
import { SquadHudButton } from '../squad/SquadHudButton.tsx';
import { VoiceControls } from '../voice/VoiceControls.tsx';
import { EventChip } from '../events/EventChip.tsx';
import { EventExtrasDock } from '../drop/EventExtrasDock.tsx';
import { QnaHudButton } from '../qna/QnaHudButton.tsx';
import { StageVoiceBar } from '../events/StageVoiceBar.tsx';
import { DirectoryHudButton } from '../directory/DirectoryHudButton.tsx';

const coarsePointer = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/**
 * Keeps `--hud-bottom` on the page root at the HUD's lower edge in px. NOTE: on narrow windows the HUD
 * wraps onto a second row; panels, the chat dock and notices hang below it by this variable instead
 * of a fixed offset, so nothing covers a HUD button.
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

/** The HUD's DOM skin: brand, connection status, the next launch's countdown, language/currency, orders and cart, and a controls hint. */
export function Hud() {
  const { t } = useTranslation();
  const m = useHudModel();
  const header = useRef<HTMLElement>(null);
  useHudBottom(header);
  return (
    <>
      <header className="hud" data-testid="hud" ref={header}>
        <span className="brand">{t('app.title')}</span>
        <DirectoryHudButton />
        <span className={`status status-${m.status}`} data-testid="hud-status" data-status={m.status}>
          <i aria-hidden="true" /> {m.statusText}
        </span>
        {m.visitors && <span className="muted hide-narrow">{m.visitors}</span>}
        <EventChip />
        <QnaHudButton />
        <StageVoiceBar />
        <span className="spacer" />
        <XrEntryButtons />
        <VoiceControls />
        <SettingsMenu />
        <select
          aria-label={t('hud.language')}
          data-testid="hud-language"
          value={m.locale}
          onChange={(e) => m.setLocale(e.target.value as Locale)}
        >
          {m.locales.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
        <select
          aria-label={t('hud.currency')}
          data-testid="hud-currency"
          value={m.currency}
          onChange={(e) => m.setCurrency(e.target.value as Currency)}
        >
          {m.currencies.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <SquadHudButton />
        <button type="button" className="button ghost" data-testid="hud-orders" onClick={m.openOrders}>
          {m.ordersLabel}
        </button>
        <button type="button" className="button primary cart-button" data-testid="hud-cart" onClick={m.openCart}>
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M3 4h2l2.4 10.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 1.9-1.4L21 8H6.2"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
            <circle cx="10" cy="20" r="1.5" fill="currentColor" />
            <circle cx="17" cy="20" r="1.5" fill="currentColor" />
          </svg>
          {/* NOTE: the button's name is its visible text ("Cart 2") plus words only a screen reader needs. */}
          <span className="sr-only-narrow">{t('hud.cart')}</span>
          <span className="count" data-testid="hud-cart-count">
            {m.cartCount}
          </span>
          <span className="sr-only">{m.cartItems}</span>
        </button>
      </header>
      <EventExtrasDock />
    </>
  );
}

/** The controls hint under the arena (in the page's main landmark, beside the panels; the HUD is the banner). */
export function ControlsHint() {
  const { t } = useTranslation();
  return (
    <p className="hint" data-testid="hud-hint">
      {coarsePointer() ? t('hud.hintTouch') : t('hud.hint')}
    </p>
  );
}
