import { useTranslation } from 'react-i18next';
import { CURRENCIES, type Currency } from '../../../shared/money.ts';
import { LOCALES, type Locale } from '../../../shared/i18nText.ts';
import { useApp, useServices } from '../../state/context.tsx';

/** The HUD's model: cart count, orders, language and currency, connection status and a controls hint. */
export function useHudModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const count = useApp((s) => s.cartLines.reduce((n, l) => n + l.quantity, 0));
  const status = useApp((s) => s.connection);
  const visitors = useApp((s) => Object.keys(s.visitors).length);
  const { locale, currency } = useApp((s) => s.profile);

  /** Language and currency are kept on the session too (best effort), so they follow the visitor. */
  const updateProfile = (patch: { locale?: Locale; currency?: Currency }) => {
    store.getState().setProfile(patch);
    connection.startSession(store.getState().profile).catch(() => undefined);
  };

  return {
    title: t('app.title'),
    cartCount: count,
    /** Said after the count by screen readers: " items". */
    cartItems: t('hud.cartItems', { count }),
    ordersLabel: t('hud.orders'),
    openCart: () => store.getState().openPanel('cart'),
    openOrders: () => store.getState().openPanel('orders'),
    locale,
    locales: LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) })),
    setLocale: (l: Locale) => updateProfile({ locale: l }),
    currency,
    currencies: CURRENCIES.map((c) => ({ value: c, label: c })),
    setCurrency: (c: Currency) => updateProfile({ currency: c }),
    status,
    statusText: t(`hud.status.${status}`),
    visitors: visitors > 0 ? t('hud.visitors', { count: visitors }) : null,
  };
}

export type HudModel = ReturnType<typeof useHudModel>;
