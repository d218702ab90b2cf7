import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/money.ts';
import type { Locale } from '../../../shared/i18nText.ts';
import type { HudModel } from './useHudModel.ts';
import type { BarItemSpec } from './useBarOverflow.ts';
import { XrEntryButtons } from '../entry/XrEntryButtons.tsx';
import { SettingsMenu } from '../comfort/SettingsMenu.tsx';
import { SquadHudButton } from '../squad/SquadHudButton.tsx';
import { VoiceControls } from '../voice/VoiceControls.tsx';
import { EventChip } from '../events/EventChip.tsx';
import { QnaHudButton } from '../qna/QnaHudButton.tsx';
import { StageVoiceBar } from '../events/StageVoiceBar.tsx';
import { FromTheMatchButton } from '../match/FromTheMatchPanel.tsx';
import { DirectoryHudButton } from '../directory/DirectoryHudButton.tsx';

/** A top-bar item: where it sits (`side`), how long it stays on the bar (`priority`), and what it draws. */
export interface HudItem extends BarItemSpec {
  side: 'start' | 'end';
  render: (m: HudModel) => ReactNode;
}

function LanguageSelect({ m }: { m: HudModel }) {
  const { t } = useTranslation();
  return (
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
  );
}

function CurrencySelect({ m }: { m: HudModel }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** The Cart button: always on the bar, so a phone's visitor reaches the cart in one tap. */
function CartButton({ m }: { m: HudModel }) {
  const { t } = useTranslation();
  return (
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
  );
}

/**
 * The top bar's items in bar order. Pinned items never leave the bar; the others move into "More", highest
 * `priority` number first, when the row is full. NOTE: to add an item, add a line here;
 * priority 1–2 keeps it on a phone's bar (the store directory's button is 1).
 */
export const HUD_ITEMS: readonly HudItem[] = [
  { id: 'brand', side: 'start', priority: 0, pinned: true, render: (m) => <span className="brand hide-narrow">{m.title}</span> },
  {
    id: 'status',
    side: 'start',
    priority: 0,
    pinned: true,
    render: (m) => (
      <span className={`status status-${m.status}`} data-testid="hud-status" data-status={m.status}>
        <i aria-hidden="true" /> <span className="status-text">{m.statusText}</span>
      </span>
    ),
  },
  { id: 'store', side: 'start', priority: 1, render: () => <DirectoryHudButton /> },
  {
    id: 'visitors',
    side: 'start',
    priority: 9,
    render: (m) => m.visitors && <span className="muted hide-narrow">{m.visitors}</span>,
  },
  { id: 'event', side: 'start', priority: 2, render: () => <EventChip /> },
  { id: 'qna', side: 'start', priority: 3, render: () => <QnaHudButton /> },
  { id: 'from-match', side: 'start', priority: 6, render: () => <FromTheMatchButton /> },
  // NOTE: while a host is on stage its bar says so and offers the listen toggle: pinned to a phone's bar (empty otherwise).
  { id: 'stage-voice', side: 'start', priority: 1, pinned: true, render: () => <StageVoiceBar /> },
  { id: 'xr', side: 'end', priority: 1, render: () => <XrEntryButtons /> },
  { id: 'voice', side: 'end', priority: 6, render: () => <VoiceControls /> },
  { id: 'settings', side: 'end', priority: 8, render: () => <SettingsMenu /> },
  { id: 'language', side: 'end', priority: 7, render: (m) => <LanguageSelect m={m} /> },
  { id: 'currency', side: 'end', priority: 7, render: (m) => <CurrencySelect m={m} /> },
  { id: 'squad', side: 'end', priority: 6, render: () => <SquadHudButton /> },
  {
    id: 'orders',
    side: 'end',
    priority: 5,
    render: (m) => (
      <button type="button" className="button ghost" data-testid="hud-orders" onClick={m.openOrders}>
        {m.ordersLabel}
      </button>
    ),
  },
  { id: 'cart', side: 'end', priority: 0, pinned: true, render: (m) => <CartButton m={m} /> },
];
