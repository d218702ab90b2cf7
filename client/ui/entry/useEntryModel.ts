import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, type Currency } from '../../../shared/money.ts';
import { LOCALES, type Locale } from '../../../shared/i18nText.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { errorReason } from '../shared/errorReason.ts';
import { AVATAR_SWATCHES, guestNumber, isValidName, nameOrGuest, withCurrency, withLocale } from '../avatar/profileLogic.ts';

/**
 * The entry screen's model: the profile draft (prefilled for a returning visitor), an optional venue
 * admin token for the host, and Enter, which starts the session, joins the room and puts the visitor in the arena.
 */
export function useEntryModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const profile = useApp((s) => s.profile);
  const visitor = useApp((s) => s.visitor);
  const venue = useApp((s) => s.catalog?.venueName ?? '');
  const [currencyChosen, setCurrencyChosen] = useState(visitor !== null);
  const [status, setStatus] = useState<'idle' | 'entering' | 'failed'>('idle');
  const [error, setError] = useState('');
  const [adminToken, setAdminToken] = useState('');
  const [guest] = useState(() => guestNumber(Math.random()));
  const guestName = t('entry.guestName', { number: guest });
  const nameValid = isValidName(nameOrGuest(profile.name, guestName));

  const enter = async () => {
    if (!nameValid || status === 'entering') return;
    setStatus('entering');
    store.getState().setProfile({ name: nameOrGuest(store.getState().profile.name, guestName) });
    try {
      await connection.startSession(store.getState().profile, adminToken.trim() || undefined);
    } catch (err) {
      setError(t('entry.failed', { reason: errorReason(t, err) }));
      setStatus('failed');
      return;
    }
    // NOTE: the shop works over HTTP; a room that can't be reached yet is retried in the background.
    await connection.join().catch(() => store.getState().showNotice({ key: 'notice.roomUnavailable' }));
    setStatus('idle');
    store.getState().setPhase('arena');
  };

  return {
    title: t('entry.title', { venue }),
    welcomeBack: visitor ? t('entry.welcomeBack', { name: visitor.name }) : null,
    name: profile.name,
    /** The name used when the field is left empty ("Guest 4821"). */
    guestName,
    nameValid,
    setName: (name: string) => store.getState().setProfile({ name }),
    color: profile.color,
    swatches: AVATAR_SWATCHES.map((c) => ({ color: c, selected: c.toLowerCase() === profile.color.toLowerCase() })),
    setColor: (color: string) => store.getState().setProfile({ color: color.toLowerCase() }),
    locale: profile.locale,
    locales: LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) })),
    setLocale: (locale: Locale) => store.setState((s) => ({ profile: withLocale(s.profile, locale, currencyChosen) })),
    currency: profile.currency,
    currencies: CURRENCIES.map((c) => ({ value: c, label: t(`currency.${c}`) })),
    setCurrency: (currency: Currency) => {
      setCurrencyChosen(true);
      store.setState((s) => ({ profile: withCurrency(s.profile, currency) }));
    },
    /** The venue admin token (from the server's config) that makes this session the match host. */
    adminToken,
    setAdminToken,
    entering: status === 'entering',
    error: status === 'failed' ? error : null,
    canEnter: nameValid && status !== 'entering',
    enter,
  };
}

export type EntryModel = ReturnType<typeof useEntryModel>;
